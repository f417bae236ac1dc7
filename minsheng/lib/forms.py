"""Putting a service's answer on the page that called it: shared by every app's views."""

from collections.abc import Callable, Mapping

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def apply_errors(form, exc: ValidationError, names: Mapping[str, str] | None = None) -> None:
    """A service's ValidationError on a bound form: field-keyed messages beside their fields (a
    service's name renamed to the form's through `names`), the rest, and a plain message, above it."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    names = names or {}
    for key, errors in exc.message_dict.items():
        field = names.get(key, key)
        form.add_error(field if field in form.fields else None, errors)


def form_step(
    request,
    *,
    form,
    call: Callable[[dict], object],
    success: str,
    done,
    failed: Callable[[], object],
    names: Mapping[str, str] | None = None,
):
    """One step of a page's form: when the form is valid, `call` the service with its data, say
    `success` and go to `done` (a URL, a model or a view name); otherwise, or when the service refuses,
    return `failed()` — the page again, with the form and its errors in place."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc, names)
        else:
            messages.success(request, success)
            return redirect(done)
    return failed()
