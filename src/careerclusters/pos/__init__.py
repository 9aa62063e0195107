"""Programs of study: the third level of the framework under clusters and sub-clusters.

A program of study (Perkins V, section 3(41)) is a coordinated sequence of courses from high school through
postsecondary that leads to a recognised credential and into specific occupations. This package holds the
open file format (``model``), its YAML, JSON and flat CSV forms (``files``) and the examples shipped with
the project; checking one against the rules is ``services.pos_checker``.
"""

from careerclusters.pos.model import (
    Articulation,
    Course,
    CourseKind,
    CourseLevel,
    Credential,
    CredentialKind,
    Level,
    Occupation,
    Owner,
    ProgramOfStudy,
    Stage,
)

__all__ = ["Articulation", "Course", "CourseKind", "CourseLevel", "Credential", "CredentialKind", "Level",
           "Occupation", "Owner", "ProgramOfStudy", "Stage"]
