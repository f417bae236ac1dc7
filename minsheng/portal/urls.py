from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("submit/", views.submit, name="submit"),
    path("submit/confirm/", views.submit_confirm, name="submit_confirm"),
    path("track/", views.track, name="track"),
    path("track/matter/", views.track_detail, name="track_detail"),
    path("track/notices/<int:pk>/", views.track_notice, name="track_notice"),
    path("track/rate/", views.track_rate, name="track_rate"),
    path("track/request/<str:stage>/", views.track_request, name="track_request"),
    path("track/logout/", views.track_logout, name="track_logout"),
    path("large-type/", views.large_type, name="large_type"),
]
