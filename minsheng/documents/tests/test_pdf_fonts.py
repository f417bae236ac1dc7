"""The PDF embeds the CJK families named in the settings, so it prints the same on any machine."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from minsheng.documents.render import render_html, render_pdf

from .helpers import embedded_fonts, font_key, make_document


def test_it_embeds_the_configured_cjk_font(settings):
    settings.DOCUMENT_BODY_FONT = "Noto Serif CJK SC"
    settings.DOCUMENT_TITLE_FONT = "Noto Serif CJK SC"

    fonts = embedded_fonts(render_pdf(make_document()))

    serif = [name for name in fonts if font_key(name).startswith("notoserifcjksc")]
    assert serif, fonts
    # Embedded as a subset: "/ABCDEF+Noto-Serif-CJK-SC", with the font program in the PDF.
    assert all(fonts[name] for name in serif)
    assert all(name.lstrip("/")[:7].endswith("+") for name in serif)
    assert not any(font_key(name).startswith("notosanscjk") for name in fonts)


def test_it_follows_a_change_of_the_body_font(settings):
    settings.DOCUMENT_BODY_FONT = "Noto Sans CJK SC"

    fonts = embedded_fonts(render_pdf(make_document()))

    sans = [name for name in fonts if font_key(name).startswith("notosanscjksc")]
    assert sans, fonts
    assert all(fonts[name] for name in sans)


def test_it_names_the_cjk_families_explicitly_in_the_stylesheet(settings):
    settings.DOCUMENT_BODY_FONT = "FangSong"
    settings.DOCUMENT_TITLE_FONT = "方正小标宋简体"

    html = render_html(make_document())

    # The bureau's font first, then the Noto family Debian installs; a generic family only last.
    assert 'font-family: "FangSong", "Noto Serif CJK SC", serif;' in html
    assert 'font-family: "方正小标宋简体", "Noto Serif CJK SC", serif;' in html


@pytest.mark.parametrize("family", ['Evil"; } body { display: none', "A</style><script>", ""])
def test_it_refuses_a_font_setting_that_is_not_a_family_name(settings, family):
    settings.DOCUMENT_BODY_FONT = family

    with pytest.raises(ImproperlyConfigured):
        render_html(make_document())
