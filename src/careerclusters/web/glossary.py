"""``/glossary``: the words the student pages use that a 13-year-old or a parent may not know, each said in a
sentence or two. A page links a word to its entry where the word first appears (``glossary_url`` in
``web.rendering``); codes and analysts' measures are here too, for the counselor who meets them on a staff page.

The entries are gettext messages, so every language's catalogue translates them with the rest of the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from careerclusters.base import languages as i18n
from careerclusters.http.caching import shared
from careerclusters.web.rendering import Lang, render

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Term:
    id: str  # the entry's anchor: /glossary#id
    word: str
    meaning: str


@dataclass(frozen=True)
class Section:
    title: str
    terms: list[Term]


def sections() -> list[Section]:
    """The glossary in the language being rendered, in the order a student meets the words."""
    _ = i18n.gettext
    return [
        Section(_("Careers and jobs"), [
            Term("cluster", _("Career cluster"), _("A big group of jobs that are alike, such as Healthcare or "
                                                   "Construction. There are 14 of them.")),
            Term("subcluster", _("Sub-cluster"), _("A smaller group of jobs inside a career cluster.")),
            Term("occupation", _("Occupation"), _("A kind of job, such as Electricians or Registered Nurses. The "
                                                  "government counts the workers and the pay of each one.")),
            Term("interest-types", _("Interest types"), _(
                "Six kinds of interests that many career tools use. Doers (Realistic) like hands-on work. "
                "Thinkers (Investigative) like to solve problems. Creators (Artistic) like to make up new things. "
                "Helpers (Social) like to help people. Persuaders (Enterprising) like to lead and sell. "
                "Organizers (Conventional) like order and clear steps.")),
        ]),
        Section(_("Pay and numbers"), [
            Term("median-pay", _("Typical pay"), _("The middle pay for a job: half of its workers earn more, and "
                                                   "half earn less. It is pay for a whole year, before taxes. "
                                                   "Some tables call it the median.")),
            Term("openings", _("Openings a year"), _("About how many jobs open up each year, as workers leave or "
                                                     "new jobs are added. It is a forecast, so we round it.")),
            Term("bright-outlook", _("Bright outlook"), _("The job is expected to grow fast or to have many "
                                                          "openings each year.")),
            Term("not-released", _("Not released"), _("The government did not publish this number. Most often "
                                                      "too few workers in the job answered its survey.")),
            Term("bls", _("BLS"), _("The U.S. Bureau of Labor Statistics: the government office that counts jobs "
                                    "and pay. Our pay and job numbers come from it.")),
        ]),
        Section(_("School and training"), [
            Term("program-of-study", _("Program of study"), _(
                "A set of classes, from high school through college or training, that leads to a credential and "
                "a job. A school or state writes it.")),
            Term("school-program", _("School and college programs"), _(
                "What a school or college teaches, such as Nursing or Welding. Counselors find each one by a "
                "code (CIP).")),
            Term("cte", _("CTE"), _("Career and technical education: classes that teach the skills for a kind "
                                    "of work, such as health science, welding or coding.")),
            Term("introductory", _("First class (introductory)"), _("The first CTE class of a program.")),
            Term("concentrator", _("Deeper class (concentrator)"), _(
                "A CTE class that builds on the first one. A student who takes two or more classes in one "
                "program is called a concentrator.")),
            Term("capstone", _("Final class (capstone)"), _("The last class of a program. You use what you "
                                                             "learned on a real project or at a workplace.")),
            Term("dual-credit", _("College credit in high school (dual credit)"), _(
                "A high school class that also counts for college. You earn both credits at once.")),
            Term("work-based-learning", _("Learning at work (work-based learning)"), _(
                "Learning at a real workplace, such as an internship or a job with training.")),
            Term("entry-point", _("Place to start (entry point)"), _("A point in a program where you can begin.")),
            Term("exit-point", _("Place to stop (exit point)"), _(
                "A point in a program where you can stop with something to show for it, such as a certificate, "
                "and go to work. You can come back later and keep going.")),
            Term("credential", _("Credential"), _("Proof that you have the skills for a job: a certificate, a "
                                                  "license or a degree.")),
            Term("certificate", _("Certificate"), _("A credential from a short program, often a year or less.")),
            Term("license", _("License"), _("Permission from the state to do a job, such as nursing. You "
                                            "usually pass a test to get one.")),
            Term("certification", _("Industry certification"), _(
                "A credential from a business group that shows you have a job skill.")),
            Term("degree", _("Two-year and four-year degrees"), _(
                "A two-year (associate) degree comes from a community college. A four-year (bachelor's) degree "
                "comes from a college or university.")),
        ]),
        Section(_("Codes and measures counselors use"), [
            Term("soc", _("SOC code"), _("The government's number for an occupation, such as 29-1141 for "
                                         "Registered Nurses.")),
            Term("cip", _("CIP code"), _("The number for a school or college program, such as 51.3801 for "
                                         "nursing.")),
            Term("sced", _("SCED code"), _("The number for a high school class, used to share course records "
                                           "between schools.")),
            Term("location-quotient", _("Location quotient"), _(
                "How common a job is in one place compared with the whole country. 1.0 means just as common; "
                "2.0 means twice as common.")),
            Term("job-zone", _("Job zone"), _("O*NET's measure of how much preparation a job needs, from 1 (a "
                                              "little) to 5 (a lot).")),
            Term("riasec", _("RIASEC"), _("The six interest types by their first letters: Realistic, "
                                          "Investigative, Artistic, Social, Enterprising and Conventional.")),
        ]),
    ]


@router.get("/glossary", response_class=HTMLResponse)
@shared
def glossary(request: Request, lang: Lang) -> HTMLResponse:
    with i18n.language(lang):
        return render(request, "glossary.html", title=i18n.gettext("Words on this site"), sections=sections())
