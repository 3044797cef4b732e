"""Clinical rules: vitals, contraindications, MSE outcomes, vials, PSF approvals, sessions.

Pure Python (no Qt, no SQLAlchemy) so the MSE form can check a reading as it is typed
and the service layer can refuse the same reading with the same sentence.
"""
