"""A runnable example of the library API: who said what, through which outlet, when."""

from quotes import Extractor, to_json

TEXT = (
    "أعلنت وزارة النقل يوم الخميس افتتاح الميناء الجديد في مدينة الساحل.\n"
    "وقال وزير النقل سامي الحداد لوكالة فرانس برس إن الميناء سيستقبل أول سفينة تجارية الشهر المقبل.\n"
    "وأضاف: «هذا المشروع سيوفر أكثر من ألفي فرصة عمل»."
)


def main() -> None:
    extractor = Extractor()  # configure once, reuse for many documents
    result = extractor.extract(TEXT, published="2024-03-15", doc_id="example")
    for q in result.quotes:
        speaker = q.speaker.name if q.speaker else None
        outlet = q.outlet.name if q.outlet else None
        date = q.date.value if q.date else None
        print(f"{q.type:12} {speaker!s:20} {outlet!s:6} {date!s:10} {q.content.text}")
    print(to_json(result)["speakers"])


if __name__ == "__main__":
    main()
