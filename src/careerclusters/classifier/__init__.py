"""The classifier: free text (a job title, a posting title, a program name) to O*NET-SOC occupations or
CIP programs, with a calibrated confidence and the index entries that explain each answer."""

from careerclusters.classifier.model import TitleModel
from careerclusters.classifier.service import Candidate, TextClassifier, load_classifier

__all__ = ["Candidate", "TitleModel", "TextClassifier", "load_classifier"]
