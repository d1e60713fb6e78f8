"""auditor: proofreads Chinese government budget disclosures, exactly and explainably."""

__version__ = "0.1.0"
