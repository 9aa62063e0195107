"""Services: answers across the framework and the imported data (profiles, crosswalks, the original →
modern transition, downloads, and later the classifier). Interfaces call these and only format results."""
