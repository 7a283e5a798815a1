"""The corpus truth of a rendered document, in the format of shared/corpus/sample/truth/*.json (the keys
tools/score.py reads), written from the content as its layout states it."""
from __future__ import annotations

from tests.variety.content import Document
from tests.variety.layout import Plan


def truth(doc: Document, plan: Plan, *, file: str, variant: str, renderer: str, font: str) -> dict:
    assessment = None
    if doc.assessment_year:
        assessment = {"overall_score": doc.overall, "level": doc.level}
        if plan.tools_printed:
            assessment.update(doc.tools)
    measures = None
    if doc.family != "analysis":
        measures = [{
            "codes": list(m.codes),
            "measure": m.measure,
            "method": m.method_text or " ".join(f"{i}. {s}" for i, s in enumerate(m.steps, 1)) if len(m.steps) > 1 else m.steps[0],
            "responsible": m.responsible,
            "period_text": m.period_text,
            "period_start": m.period.start.isoformat(),
            "period_end": m.period.end.isoformat(),
            "follow_up": m.follow_up if "follow_up" in plan.printed else None,
            "output": m.output if "output" in plan.printed else None,
            "outcome": m.outcome if "outcome" in plan.printed else None,
            "budget": m.budget if "budget" in plan.printed and m.budget_stated else None,
            "indicator": m.indicator,
            "section": m.section,
        } for m in doc.measures]
    return {
        "doc_type": doc.family,
        "fiscal_year": doc.fiscal_year,
        "assessment_year": doc.assessment_year,
        "assessment": assessment,
        "indicator_scores": {str(k): v for k, v in doc.indicators.items()},
        "question_scores": {code: score for code, (score, _, _) in doc.questions.items()},
        "measures": measures,
        "file": file,
        "family": doc.family,
        "font": font,
        "scanned": False,
        "printer": renderer,
        "variant": variant,
        "seed": doc.seed,
        "unit": {"name": doc.unit.name, "type": doc.unit.type, "district": doc.unit.district,
                 "province": doc.unit.province},
    }
