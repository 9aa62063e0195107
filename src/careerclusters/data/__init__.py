"""Getting the official files (``fetch``). The settings the command line names in its options are here, so that
naming them does not load the downloaders."""

MIRROR_ENV = "CAREERCLUSTERS_DATA_MIRROR"
CONTACT_ENV = "CAREERCLUSTERS_CONTACT"
