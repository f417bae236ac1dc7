"""Small helpers of the reception tests."""

from minsheng.conftest import make_id_number
from minsheng.petitions.services import PetitionerEntry

VISIT = {
    "title": "反映房屋拆迁补偿款未发放",
    "content": "本人房屋去年被征收，补偿款至今未发放到位，多次到镇上反映没有结果。",
    "demands": "请求尽快发放补偿款",
}


def person(name="张秀英", sequence="451", **fields) -> PetitionerEntry:
    fields.setdefault("id_number", make_id_number(birth="19650304", sequence=sequence))
    fields.setdefault("phone", "13712345678")
    return PetitionerEntry(name=name, **fields)
