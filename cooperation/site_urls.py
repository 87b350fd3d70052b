from django.urls import path

from cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
]
