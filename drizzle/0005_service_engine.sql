CREATE SEQUENCE "public"."service_request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100000 CACHE 1;--> statement-breakpoint
CREATE TABLE "bills" (
	"bill_number" text PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"amount_halalas" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by_client" text,
	"receipt_id" text,
	"refund_status" text
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grantor_account_id" uuid NOT NULL,
	"delegate_account_id" uuid NOT NULL,
	"services" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"holder_id_number" char(10) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" "bytea" NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"id_number" char(10) NOT NULL,
	"document" text NOT NULL,
	"expires_on" date NOT NULL,
	"threshold_days" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminders_sent_id_number_document_expires_on_threshold_days_pk" PRIMARY KEY("id_number","document","expires_on","threshold_days")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"on_behalf_of" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_traffic_fines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number" char(10) NOT NULL,
	"amount_halalas" integer NOT NULL,
	"issued_on" date NOT NULL,
	"paid" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_travel_bans" (
	"id_number" char(10) PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_parameters" (
	"service" text NOT NULL,
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" integer NOT NULL,
	"unit" text NOT NULL,
	CONSTRAINT "service_parameters_service_key_effective_from_pk" PRIMARY KEY("service","key","effective_from")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"service" text NOT NULL,
	"status" text NOT NULL,
	"applicant_account_id" uuid NOT NULL,
	"beneficiary_id_number" char(10) NOT NULL,
	"relation" text NOT NULL,
	"on_behalf_of_account_id" uuid,
	"delegation_id" uuid,
	"input" jsonb NOT NULL,
	"fee_halalas" integer NOT NULL,
	"fee_lines" jsonb NOT NULL,
	"conflict_key" text,
	"consent_from" jsonb,
	"outcome" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_id_number" char(10);--> statement-breakpoint
CREATE INDEX "bills_request_idx" ON "bills" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "delegations_grantor_idx" ON "delegations" USING btree ("grantor_account_id");--> statement-breakpoint
CREATE INDEX "delegations_delegate_idx" ON "delegations" USING btree ("delegate_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_kind_number_uq" ON "documents" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "documents_holder_idx" ON "documents" USING btree ("holder_id_number","kind");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "sandbox_traffic_fines_person_idx" ON "sandbox_traffic_fines" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_number_uq" ON "service_requests" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_open_conflict_uq" ON "service_requests" USING btree ("conflict_key") WHERE "service_requests"."status" in ('awaiting_consent', 'awaiting_payment', 'submitted') and "service_requests"."conflict_key" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_applicant_idx" ON "service_requests" USING btree ("applicant_account_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_beneficiary_idx" ON "service_requests" USING btree ("beneficiary_id_number","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_behalf_idx" ON "service_requests" USING btree ("on_behalf_of_account_id") WHERE "service_requests"."on_behalf_of_account_id" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_submitted_idx" ON "service_requests" USING btree ("submitted_at") WHERE "service_requests"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "audit_subject_person_idx" ON "audit_log" USING btree ("subject_id_number","at") WHERE "audit_log"."subject_id_number" is not null;