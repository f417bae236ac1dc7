"""A petitioner's page: masked numbers and the matters of theirs the viewer may see.

Revealing full numbers and its access log are tested in minsheng/audit/tests.
"""

import pytest

from minsheng.conftest import make_id_number
from minsheng.petitions.services import PetitionerEntry

ID_NUMBER = make_id_number(sequence="921")
PHONE = "13912340921"


@pytest.fixture
def petitioner(register, city):
    first = register(
        actor=city.yunzhong_registrar,
        title="反映宅基地纠纷",
        petitioners=[PetitionerEntry(name="郑秀梅", id_number=ID_NUMBER, phone=PHONE, address="东关村 9 号")],
    )
    register(title="反映低保被取消", petitioners=[PetitionerEntry(petitioner_id=first.petitioners.get().pk)])
    return first.petitioners.get()


def test_it_shows_the_person_masked_with_their_matters(client, city, petitioner):
    client.force_login(city.registrar)

    response = client.get(f"/petitioners/{petitioner.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "郑秀梅" in html
    assert f"{ID_NUMBER[:6]}********{ID_NUMBER[-4:]}" in html
    assert "139****0921" in html
    assert ID_NUMBER not in html and PHONE not in html
    assert "反映宅基地纠纷" in html and "反映低保被取消" in html


def test_it_shows_a_handler_only_the_matters_they_may_see(client, city, petitioner):
    client.force_login(city.yunzhong_handler)

    html = client.get(f"/petitioners/{petitioner.pk}/").content.decode()

    assert "反映宅基地纠纷" in html
    assert "反映低保被取消" not in html
