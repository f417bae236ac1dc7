"""The FAQs a new installation starts with; administrators edit them in the admin afterwards.

Written once: the reverse step removes only questions that still read exactly as here, so FAQs that
administrators changed are kept."""

from django.db import migrations

FAQS = [
    (
        "submit",
        10,
        "信访可以通过哪些方式提出？",
        "可以在网上提交，也可以写信、打电话，或者到群众来访服务中心当面反映（第十七条）。\n"
        "网上提交的，会得到查询码和密码，凭它们随时查看办理进度。具体地址、电话和接待时间见“信访指南”。",
    ),
    (
        "submit",
        20,
        "反映问题要写清楚什么？",
        "请写明您的姓名、住址、联系电话，要求解决什么问题，以及事情的经过和理由（第十九条）。"
        "有合同、收据、照片、通知书等材料的，附上复印件。\n"
        "当面或电话反映的，工作人员会如实记录，不会写字也没关系。",
    ),
    (
        "submit",
        30,
        "很多人反映同一个问题，可以一起去吗？",
        "可以反映，但走访时请推选代表，代表不超过 5 人（第二十条）。其他人可以在材料上签名，"
        "或者由代表转达大家的意见，同样会被登记和办理。",
    ),
    (
        "submit",
        40,
        "可以直接到省里、北京去反映吗？",
        "走访请到有权处理的本级或上一级机关设立的接待场所（第二十条）。"
        "您的事情已经被受理、正在期限内办理的，再到更上一级反映同一件事，上级不予受理（第十九条），"
        "会告诉您由哪个单位在办。按级反映，办得更快。",
    ),
    (
        "handling",
        10,
        "提交以后多久有回音？",
        "收到后 15 日内会书面告诉您是否受理、由哪个单位办理（第二十三条）。"
        "受理后一般 60 日内办结并给您书面的处理意见；情况复杂的可以延长，最多延长 30 日，并告诉您理由（第三十四条）。",
    ),
    (
        "handling",
        20,
        "反映了问题，会不会被打击报复？",
        "不会。任何组织和个人不得打击报复信访人（第十八条）。检举、揭发的材料不得透露或转给被检举的人和单位（第三十条）。"
        "遇到打击报复的，可以向信访部门反映，有关人员会被依规依纪依法处理（第四十六条）。",
    ),
    (
        "handling",
        30,
        "办理的工作人员和我有矛盾，怎么办？",
        "工作人员与信访事项或者信访人有直接利害关系的，应当回避（第二十八条）。您可以提出回避的要求。",
    ),
    (
        "review",
        10,
        "对处理意见不满意怎么办？",
        "收到书面处理意见之日起 30 日内，可以请原办理单位的上一级单位复查，复查单位 30 日内书面答复（第三十五条）。\n"
        "对复查意见还不满意的，收到之日起 30 日内可以向再上一级单位申请复核（第三十六条）。"
        "网上提交的，可以凭查询码在网上申请。",
    ),
    (
        "review",
        20,
        "复核以后还能再反映吗？",
        "复核意见是最终的。对复核意见不服、仍然以同一事实和理由反映的，不再受理（第三十六条）。"
        "如果有新的事实或理由，可以另行反映。",
    ),
    (
        "online",
        10,
        "查询码或密码忘了怎么办？",
        "为了保护您的个人信息，密码只在提交时显示一次，系统也不会在网页上找回。"
        "请带身份证到群众来访服务中心，或者打电话联系，工作人员核实身份后帮您查询。",
    ),
    (
        "online",
        20,
        "可以评价办理结果吗？",
        "可以。收到答复后，您可以凭查询码对办理结果评价满意、基本满意或不满意，并写下意见（第二十一条）。",
    ),
    (
        "legal",
        10,
        "已经打官司（或者应该打官司）的事，信访能管吗？",
        "应当通过法院诉讼、仲裁、行政复议等法定途径解决的，要按照法律规定的程序处理（第三十一条）。"
        "这些途径有法律效力，结果能够强制执行。\n"
        "您反映的事情仍然会被登记，工作人员会告诉您应当向哪里提出；群众来访服务中心有值班律师，可以免费咨询。",
    ),
    (
        "legal",
        20,
        "为什么让我去申请行政复议？",
        "对行政机关作出的处罚、许可、确认等决定不服的，法律规定了行政复议等程序，由复议机关依法审查（第三十一条）。"
        "复议和诉讼都有期限，请尽早提出，以免超过期限。",
    ),
]


def forwards(apps, schema_editor):
    Faq = apps.get_model("policies", "Faq")
    for category, order, question, answer in FAQS:
        Faq.objects.get_or_create(
            question=question, defaults={"category": category, "order": order, "answer": answer}
        )


def backwards(apps, schema_editor):
    Faq = apps.get_model("policies", "Faq")
    for _category, _order, question, answer in FAQS:
        Faq.objects.filter(question=question, answer=answer).delete()


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
