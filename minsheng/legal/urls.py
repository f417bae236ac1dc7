from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [
    path("", views.index, name="index"),
    path("roster/", views.roster, name="roster"),
    path("roster/plan/", views.roster_plan, name="roster_plan"),
    path("roster/shifts/", views.shift_add, name="shift_add"),
    path("roster/shifts/<int:pk>/delete/", views.shift_delete, name="shift_delete"),
    path("assignments/", views.assignment_list, name="assignment_list"),
    path("assignments/new/", views.assignment_create, name="assignment_create"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("assignments/<int:pk>/declaration/", views.declare, name="declare"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
    path("assignments/<int:pk>/opinions/", views.opinion_create, name="opinion_create"),
    path("assignments/<int:pk>/mediations/", views.mediation_create, name="mediation_create"),
    path("opinions/<int:pk>/", views.opinion_detail, name="opinion_detail"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/phone/", views.consultation_phone, name="consultation_phone"),
]
