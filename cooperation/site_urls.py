from django.urls import path

from cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("", views.home, name="home"),
    path("partnerships/", views.partnership_list, name="partnership-list"),
    path("partnerships/network.json", views.partnership_network, name="partnership-network"),
    path("partnerships/<slug:a>/<slug:b>/", views.partnership_detail, name="partnership-detail"),
]
