from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.period_report, name="period"),
    path("period.pdf", views.period_report_pdf, name="period_pdf"),
    path("period.xlsx", views.period_report_excel, name="period_excel"),
]
