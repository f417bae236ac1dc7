"""The staff header in a real browser: brand and user menu on one row, the navigation below them — on
one row at a laptop's 1280 px even for an administrator, who has the most entries — and stacked
without sideways scrolling on a phone."""

import pytest

from minsheng.conftest import browser_login

pytestmark = pytest.mark.django_db(transaction=True)


def boxes(page):
    return {
        name: page.locator(selector).bounding_box()
        for name, selector in (("brand", ".topbar .brand"), ("user", ".usermenu"), ("nav", ".mainnav"))
    }


def test_an_administrators_navigation_fits_one_row_under_the_user_menu_at_1280(browser_page, city):
    page = browser_page
    browser_login(page, city.admin.username)
    page.goto(f"{page.base_url}/matters/")

    box = boxes(page)
    link_tops = {round(b["y"]) for b in (link.bounding_box() for link in page.locator(".mainnav a").all())}

    assert page.locator(".mainnav a").count() >= 10
    assert len(link_tops) == 1, f"the navigation wraps onto {len(link_tops)} rows"
    # The user menu sits on the brand's row (centres within the brand's height), the navigation below.
    brand_centre = box["brand"]["y"] + box["brand"]["height"] / 2
    user_centre = box["user"]["y"] + box["user"]["height"] / 2
    assert abs(brand_centre - user_centre) < box["brand"]["height"]
    assert box["nav"]["y"] >= box["brand"]["y"] + box["brand"]["height"] - 1
    assert box["user"]["x"] > box["brand"]["x"] + box["brand"]["width"]


def test_on_a_phone_the_header_stacks_without_sideways_scrolling(browser_page, city):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    browser_login(page, city.admin.username)
    page.goto(f"{page.base_url}/matters/")

    box = boxes(page)

    assert box["brand"]["y"] < box["user"]["y"] < box["nav"]["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
