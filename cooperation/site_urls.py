from django.urls import path

from cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("organizations/", views.organization_list, name="organization-list"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<slug:slug>/", views.agreement_detail, name="agreement-detail"),
    path("programmes/", views.programme_list, name="programme-list"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("partnerships/", views.partnership_list, name="partnership-list"),
    path("partnerships/network.json", views.partnership_network, name="partnership-network"),
    path("partnerships/<slug:a>/<slug:b>/", views.partnership_detail, name="partnership-detail"),
]
