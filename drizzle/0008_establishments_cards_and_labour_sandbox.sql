CREATE TABLE "establishments" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_account_id" uuid NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iqama_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"holder_id_number" char(10) NOT NULL,
	"expires_on" date NOT NULL,
	"establishment_id" text,
	"applicant_account_id" uuid NOT NULL,
	"office_id" text NOT NULL,
	"status" text NOT NULL,
	"printed_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"handed_over_at" timestamp with time zone,
	"handed_over_by" uuid,
	"collected_by_id_number" char(10)
);
--> statement-breakpoint
CREATE TABLE "paper_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"officer_account_id" uuid NOT NULL,
	"establishment_id" text NOT NULL,
	"service" text NOT NULL,
	"beneficiary_id_number" char(10) NOT NULL,
	"reference" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_establishments" (
	"id" text PRIMARY KEY NOT NULL,
	"cr_number" text NOT NULL,
	"labour_file" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	"city" text NOT NULL,
	"owner_id_number" char(10) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_labour_approvals" (
	"reference" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"id_number" char(10) NOT NULL,
	"establishment_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"approved" boolean NOT NULL,
	"reason" text,
	"asked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_labour_workers" (
	"id_number" char(10) PRIMARY KEY NOT NULL,
	"permit_expires_on" date,
	"absent_from_work" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_medical" (
	"id_number" char(10) PRIMARY KEY NOT NULL,
	"exam_result" text,
	"examined_on" date,
	"insured_until" date
);
--> statement-breakpoint
DROP INDEX "service_requests_open_conflict_uq";--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "establishment_id" text;--> statement-breakpoint
ALTER TABLE "registry_persons" ADD COLUMN "arrived_on" date;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "establishment_id" text;--> statement-breakpoint
ALTER TABLE "service_requests" ADD COLUMN "release_from" text;--> statement-breakpoint
CREATE INDEX "establishments_owner_idx" ON "establishments" USING btree ("owner_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "iqama_cards_request_uq" ON "iqama_cards" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "iqama_cards_office_idx" ON "iqama_cards" USING btree ("office_id","status","ready_at");--> statement-breakpoint
CREATE INDEX "iqama_cards_establishment_idx" ON "iqama_cards" USING btree ("establishment_id","status") WHERE "iqama_cards"."establishment_id" is not null;--> statement-breakpoint
CREATE INDEX "iqama_cards_handed_idx" ON "iqama_cards" USING btree ("handed_over_at") WHERE "iqama_cards"."status" = 'handed_over';--> statement-breakpoint
CREATE INDEX "paper_transactions_at_idx" ON "paper_transactions" USING btree ("at");--> statement-breakpoint
CREATE INDEX "paper_transactions_office_idx" ON "paper_transactions" USING btree ("office_id","at");--> statement-breakpoint
CREATE INDEX "sandbox_establishments_owner_idx" ON "sandbox_establishments" USING btree ("owner_id_number");--> statement-breakpoint
CREATE INDEX "registry_persons_sponsor_name_idx" ON "registry_persons" USING btree ("sponsor_id","name_en","id_number") WHERE "registry_persons"."sponsor_kind" = 'establishment';--> statement-breakpoint
CREATE INDEX "registry_persons_sponsor_iqama_idx" ON "registry_persons" USING btree ("sponsor_id","iqama_expires_on","id_number") WHERE "registry_persons"."sponsor_kind" = 'establishment';--> statement-breakpoint
CREATE INDEX "service_requests_establishment_idx" ON "service_requests" USING btree ("establishment_id","created_at") WHERE "service_requests"."establishment_id" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_release_idx" ON "service_requests" USING btree ("release_from") WHERE "service_requests"."status" = 'awaiting_release';--> statement-breakpoint
CREATE INDEX "service_requests_issued_idx" ON "service_requests" USING btree ("decided_at") WHERE "service_requests"."status" = 'issued';--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_open_conflict_uq" ON "service_requests" USING btree ("conflict_key") WHERE "service_requests"."status" in ('awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted') and "service_requests"."conflict_key" is not null;