from django.urls import path

from . import views

app_name = "reception"

urlpatterns = [
    path("", views.rota, name="rota"),
    path("schedule/", views.schedule, name="schedule"),
    path("mine/", views.mine, name="mine"),
    path("generate/", views.rota_generate, name="rota_generate"),
    path("days/new/", views.day_create, name="day_create"),
    path("days/<int:pk>/edit/", views.day_edit, name="day_edit"),
    path("days/<int:pk>/remove/", views.day_remove, name="day_remove"),
    path("days/<int:pk>/session/", views.session_open, name="session_open"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/entries/", views.entry_add, name="entry_add"),
    path("sessions/<int:pk>/update/", views.session_update, name="session_update"),
    path("appointments/", views.appointment_list, name="appointment_list"),
    path("appointments/new/", views.appointment_create, name="appointment_create"),
    path("appointments/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("appointments/<int:pk>/<slug:step>/", views.appointment_step, name="appointment_step"),
    path("ownerships/", views.ownership_list, name="ownership_list"),
    path("matters/<int:matter_pk>/owner/", views.ownership_assign, name="ownership_assign"),
    path("ownerships/<int:pk>/release/", views.ownership_release, name="ownership_release"),
]
