"""Ask every place that shows matters which of them a user gets to see."""

from django.test import Client
from django.urls import reverse

from minsheng.petitions import selectors
from minsheng.petitions.models import Matter


def visible_everywhere(user, matters: dict[str, Matter], api_client: Client) -> dict[str, set[str]]:
    """For each surface, the names (keys of `matters`) of the matters `user` sees there."""
    web = Client()
    web.force_login(user)
    names = {matter.pk: name for name, matter in matters.items()}

    def shown_in(html: str) -> set[str]:
        return {name for name, matter in matters.items() if matter.number in html}

    seen: dict[str, set[str]] = {
        "selector": {
            names[pk]
            for pk in selectors.matters_visible_to(user=user).values_list("pk", flat=True)
            if pk in names
        },
        "home page": shown_in(web.get(reverse("petitions:home")).content.decode()),
        "list page": shown_in(web.get(reverse("petitions:matter_list")).content.decode()),
        "detail page": set(),
        "api list": set(),
        "api detail": set(),
        "api events": set(),
    }
    # A server error on a visible matter is another test's business (audit/tests/test_matter_timeline_api.py);
    # here a matter counts as shown unless the answer is the 404 that hidden and missing matters get.
    api_client.raise_request_exception = False
    response = api_client.get("/api/v1/matters")
    assert response.status_code == 200, response.content
    seen["api list"] = {names[item["id"]] for item in response.json()["items"] if item["id"] in names}

    for name, matter in matters.items():
        detail = web.get(reverse("petitions:matter_detail", args=[matter.pk]))
        assert detail.status_code in (200, 404), (name, detail.status_code)
        if detail.status_code == 200:
            seen["detail page"].add(name)
        for surface, url in (
            ("api detail", f"/api/v1/matters/{matter.pk}"),
            ("api events", f"/api/v1/matters/{matter.pk}/events"),
        ):
            response = api_client.get(url)
            if response.status_code == 404:
                assert response.json()["detail"] == "找不到该对象，或您无权查看"
            else:
                seen[surface].add(name)
    return seen


def assert_sees_exactly(user, matters, api_client, expected: set[str]) -> None:
    seen = visible_everywhere(user, matters, api_client)
    wrong = {surface: names for surface, names in seen.items() if names != expected}
    assert wrong == {}, f"{user.username} should see {sorted(expected)}"
