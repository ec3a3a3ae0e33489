-- The published fees and limits of the establishments' e-services, as dated rows. A change
-- of schedule is a new row with a later effective_from, never an edit of these.
INSERT INTO service_parameters (service, key, effective_from, value, unit) VALUES
  -- An iqama costs SR650 a year; workers' iqamas may be issued or renewed by quarters
  -- (SR163 / 325 / 488 / 650 for 1 to 4) since the quarterly scheme began.
  ('iqama_issue', 'year_halalas', '2016-01-01', 65000, 'halalas'),
  ('iqama_issue', 'quarter_1_halalas', '2021-07-01', 16300, 'halalas'),
  ('iqama_issue', 'quarter_2_halalas', '2021-07-01', 32500, 'halalas'),
  ('iqama_issue', 'quarter_3_halalas', '2021-07-01', 48800, 'halalas'),
  ('iqama_issue', 'quarter_4_halalas', '2021-07-01', 65000, 'halalas'),
  ('iqama_renew', 'year_halalas', '2016-01-01', 65000, 'halalas'),
  ('iqama_renew', 'quarter_1_halalas', '2021-07-01', 16300, 'halalas'),
  ('iqama_renew', 'quarter_2_halalas', '2021-07-01', 32500, 'halalas'),
  ('iqama_renew', 'quarter_3_halalas', '2021-07-01', 48800, 'halalas'),
  ('iqama_renew', 'quarter_4_halalas', '2021-07-01', 65000, 'halalas'),
  -- Renewing late: a grace period after expiry, then SR500 the first time and SR1,000 after.
  ('iqama_renew', 'late_grace_days', '2016-01-01', 3, 'days'),
  ('iqama_renew', 'late_first_halalas', '2016-01-01', 50000, 'halalas'),
  ('iqama_renew', 'late_repeat_halalas', '2016-01-01', 100000, 'halalas'),

  ('profession_change', 'fee_halalas', '2016-01-01', 100000, 'halalas'),

  ('transfer_of_services', 'first_transfer_halalas', '2016-01-01', 200000, 'halalas'),
  ('transfer_of_services', 'second_transfer_halalas', '2016-01-01', 400000, 'halalas'),
  ('transfer_of_services', 'third_transfer_halalas', '2016-01-01', 600000, 'halalas'),
  ('transfer_of_services', 'establishment_interval_months', '2016-01-01', 3, 'months'),
  ('transfer_of_services', 'release_waiver_arrival_months', '2016-01-01', 3, 'months'),
  -- Establishments of at most this many workers may not use paper for the services that went online.
  ('paper_transactions', 'max_workers_without_paper', '2016-01-01', 100, 'count'),
  ('iqama_cards', 'uncollected_after_days', '2016-01-01', 14, 'days')
ON CONFLICT DO NOTHING;
