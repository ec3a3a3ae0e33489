-- The published fees and limits of the individuals' e-services, as dated rows. A change of
-- schedule is a new row with a later effective_from, never an edit of these.
INSERT INTO service_parameters (service, key, effective_from, value, unit) VALUES
  ('billing', 'validity_days', '2016-01-01', 3, 'days'),

  ('passport_issue', 'fee_5_years_halalas', '2016-01-01', 30000, 'halalas'),
  ('passport_issue', 'fee_10_years_halalas', '2016-01-01', 60000, 'halalas'),
  ('passport_issue', 'consent_below_age_years', '2016-01-01', 21, 'years'),
  ('passport_issue', 'fingerprints_from_age_years', '2016-01-01', 12, 'years'),
  ('passport_renew', 'fee_5_years_halalas', '2016-01-01', 30000, 'halalas'),
  ('passport_renew', 'fee_10_years_halalas', '2016-01-01', 60000, 'halalas'),
  ('passport_renew', 'consent_below_age_years', '2016-01-01', 21, 'years'),
  ('passport_renew', 'fingerprints_from_age_years', '2016-01-01', 12, 'years'),

  ('exit_reentry_visa', 'single_base_halalas', '2016-10-02', 20000, 'halalas'),
  ('exit_reentry_visa', 'single_base_months', '2016-10-02', 2, 'months'),
  ('exit_reentry_visa', 'single_extra_month_halalas', '2016-10-02', 10000, 'halalas'),
  ('exit_reentry_visa', 'multiple_base_halalas', '2016-10-02', 50000, 'halalas'),
  ('exit_reentry_visa', 'multiple_base_months', '2016-10-02', 3, 'months'),
  ('exit_reentry_visa', 'multiple_extra_month_halalas', '2016-10-02', 20000, 'halalas'),
  ('exit_reentry_visa', 'min_passport_validity_days', '2016-10-02', 90, 'days'),
  ('exit_reentry_visa', 'max_duration_months', '2016-10-02', 24, 'months'),

  ('final_exit_visa', 'min_iqama_validity_days', '2016-01-01', 30, 'days'),
  ('final_exit_visa', 'standard_validity_days', '2016-01-01', 60, 'days')
ON CONFLICT DO NOTHING;
