"""The project's own translations of the data: occupation titles with both genders, education words, and files
that say who wrote them; a malformed file is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerclusters.base.translations import (
    JOB_ZONES_EN,
    OCCUPATIONS_FILE,
    Name,
    OccupationTitles,
    TranslationDataError,
    education,
    folder,
    gendered,
    occupation_names,
    read_names,
    singular,
)


@pytest.mark.parametrize(("title", "masculine", "feminine"), [
    ("Enfermeros/as registrados/as", "Enfermeros registrados", "Enfermeras registradas"),
    ("Profesores/as universitarios/as de química", "Profesores universitarios de química",
     "Profesoras universitarias de química"),
    ("Jueces/zas", "Jueces", "Juezas"),
    ("Asistentes de maestro/a", "Asistentes de maestro", "Asistentes de maestra"),
    ("Electricistas", "Electricistas", "Electricistas"),
])
def test_a_slashed_title_gives_both_genders(title: str, masculine: str, feminine: str) -> None:
    assert gendered(title) == (masculine, feminine)


@pytest.mark.parametrize(("plural", "one"), [
    ("Operadores de máquinas", "Operador de máquinas"), ("Trabajadoras agrícolas", "Trabajadora agrícola"),
    ("Peluqueros, estilistas y cosmetólogos", "Peluquero, estilista y cosmetólogo"),
    ("Bailarines", "Bailarín"), ("Jueces", "Juez"), ("Técnicos de farmacia", "Técnico de farmacia"),
    ("Choferes de camiones pesados", "Chofer de camiones pesados"), ("Auxiliares de vuelo", "Auxiliar de vuelo"),
])
def test_singular_changes_only_the_words_that_name_the_workers(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_every_form_of_a_title_once() -> None:
    nurse = Name("29-1141", "Enfermeros/as registrados/as", ("enfermera titulada",))
    assert nurse.forms() == ("Enfermeros registrados", "Enfermeras registradas", "Enfermero registrado",
                             "Enfermera registrada", "enfermera titulada")


def test_the_spanish_titles_cover_the_occupations_and_say_who_wrote_them() -> None:
    names = occupation_names("es")
    assert names["29-1141"].title == "Enfermeros/as registrados/as"
    assert names["29-1141.01"].title == "Enfermeros/as de cuidados agudos"
    assert len([c for c in names if len(c) == 7]) >= 870 and occupation_names("en") == {}
    assert "#" not in "".join(n.title for n in names.values())
    own_words = (folder("es") / OCCUPATIONS_FILE).read_text("utf-8").splitlines()[:3]
    assert "Written by the careerclusters project; not an" in " ".join(own_words)


def test_an_imported_title_wins_per_code_and_a_code_finds_its_nearest_title() -> None:
    titles = OccupationTitles("es", {"29-1141.00": "Enfermeras tituladas (lista oficial)"},
                              {"29-1141": "Enfermeros/as registrados/as", "29-1141.01": "Enfermeros/as de cuidados"})
    assert titles.title("29-1141") == "Enfermeras tituladas (lista oficial)"  # SOC → its .00 occupation
    assert titles.title("29-1141.01") == "Enfermeros/as de cuidados"  # the official list lacks it
    assert titles.title("29-1141.03") == "Enfermeros/as registrados/as"  # an O*NET code → its SOC code
    assert titles.title("11-1011") is None


def test_a_malformed_title_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "occupations.csv"
    path.write_text("# who wrote it\ncode,title,also\n29-1141,Enfermeros/as,\n29-1141,Otra vez,\n", "utf-8")
    with pytest.raises(TranslationDataError, match="row 3: code 29-1141 is listed twice"):
        read_names(path)
    path.write_text("code,title,also\n29 1141,Enfermeros/as,\n", "utf-8")
    with pytest.raises(TranslationDataError, match="row 2: needs a code, a title"):
        read_names(path)
    path.write_text("code,title,also\n29-1141,Enfermeros/Enfermeras,\n", "utf-8")
    with pytest.raises(TranslationDataError, match="a slash marks a feminine ending .*: Enfermeros/Enfermeras"):
        read_names(path)
    path.write_text("soc,title\n", "utf-8")
    with pytest.raises(TranslationDataError, match="the header must be code,title,also"):
        read_names(path)


def test_education_words_in_spanish_and_english() -> None:
    spanish, english = education("es"), education("en")
    assert spanish.entry_education("Associate's degree") == "Título universitario de dos años (associate degree)"
    assert english.entry_education("Associate's degree") == "Associate's degree"
    assert spanish.job_training("Apprenticeship") == "Programa de aprendiz (apprenticeship)"
    assert spanish.work_experience("None") == "Ninguna" and spanish.job_zone(3) == "Preparación media"
    assert english.job_zone(5) == JOB_ZONES_EN[5] == "Extensive Preparation Needed"
    assert spanish.onet_education(6, "Bachelor's Degree") == "Título universitario de cuatro años (bachelor's degree)"
    assert spanish.entry_education("A word BLS has not used yet") == "A word BLS has not used yet"
