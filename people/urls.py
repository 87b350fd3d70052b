from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("<slug:slug>/", views.person_detail, name="person-detail"),
]
