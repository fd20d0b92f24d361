"""The yearly evaluation (Art. 53-55): per-department scorecards from the repository and its history.

Indicators are listed by hand in :mod:`govdata.evaluate.registry`; each computes, per department,
a value in [0, 1] with its formula, its evidence (files and commits) and its article, or says why
it is not available. :mod:`govdata.evaluate.scorecard` weighs them per the methodology in
govdata.yaml; :mod:`govdata.evaluate.rectification` lists what each department must fix (Art. 60).
"""
