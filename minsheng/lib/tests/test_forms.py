"""apply_errors: a service's refusal shown on the form that asked for it, as every app's views do."""

from django import forms
from django.core.exceptions import ValidationError

from minsheng.lib.forms import apply_errors


class NoteForm(forms.Form):
    note = forms.CharField()
    numbers = forms.CharField(required=False)


def bound():
    form = NoteForm({"note": "已核实", "numbers": "3"})
    assert form.is_valid()
    return form


def test_field_errors_go_beside_their_fields_and_others_above_the_form():
    form = bound()

    apply_errors(form, ValidationError({"note": ["说明太短"], "status": ["事项已办结"]}))

    assert form.errors["note"] == ["说明太短"]
    assert form.non_field_errors() == ["事项已办结"]


def test_a_service_name_is_renamed_to_the_forms_field():
    form = bound()

    apply_errors(form, ValidationError({"proposals": ["提案 3 不存在"]}), {"proposals": "numbers"})

    assert form.errors["numbers"] == ["提案 3 不存在"]
    assert not form.non_field_errors()


def test_a_plain_message_goes_above_the_form():
    form = bound()

    apply_errors(form, ValidationError(["期限已过", "无权办理"]))

    assert form.non_field_errors() == ["期限已过", "无权办理"]
    assert "note" not in form.errors
