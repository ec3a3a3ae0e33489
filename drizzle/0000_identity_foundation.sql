CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number" char(10) NOT NULL,
	"username" text NOT NULL,
	"email" text,
	"mobile" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"password_hash" text NOT NULL,
	"terms_version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"activation_channel" text,
	"activation_location" text,
	"activated_at" timestamp with time zone,
	"activated_by" uuid,
	"password_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"subject_account_id" uuid,
	"on_behalf_of" text,
	"channel" text NOT NULL,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"registration_id" uuid,
	"account_id" uuid,
	"mobile" text NOT NULL,
	"code_hash" "bytea" NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "channel_nonces" (
	"signature" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"guesses_in_window" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	"city" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number" char(10) NOT NULL,
	"birth_date" date NOT NULL,
	"mobile" text NOT NULL,
	"username" text NOT NULL,
	"email" text,
	"language" text NOT NULL,
	"terms_version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_family_links" (
	"head_id_number" char(10) NOT NULL,
	"member_id_number" char(10) NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "registry_family_links_head_id_number_member_id_number_pk" PRIMARY KEY("head_id_number","member_id_number")
);
--> statement-breakpoint
CREATE TABLE "registry_persons" (
	"id_number" char(10) PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text NOT NULL,
	"gender" char(1) NOT NULL,
	"birth_date" date NOT NULL,
	"nationality" char(3) NOT NULL,
	"mobile" text NOT NULL,
	"fingerprint_right" "bytea" NOT NULL,
	"fingerprint_left" "bytea" NOT NULL,
	"passport_number" text,
	"passport_issued_on" date,
	"passport_expires_on" date,
	"iqama_expires_on" date,
	"sponsor_kind" text,
	"sponsor_id" text,
	"profession" text,
	"marital_status" text
);
--> statement-breakpoint
CREATE TABLE "sandbox_sms_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" "bytea" PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"csrf_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "staff_roles" (
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"office_id" text,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "staff_roles_account_id_role_pk" PRIMARY KEY("account_id","role")
);
--> statement-breakpoint
CREATE TABLE "system_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terms_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"text_ar" text NOT NULL,
	"text_en" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_terms_version_terms_versions_version_fk" FOREIGN KEY ("terms_version") REFERENCES "public"."terms_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_id_number_uq" ON "accounts" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_uq" ON "accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_log" USING btree ("subject_account_id","at");--> statement-breakpoint
CREATE INDEX "challenges_registration_idx" ON "challenges" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "challenges_expires_idx" ON "challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "channel_nonces_seen_idx" ON "channel_nonces" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "registrations_id_number_idx" ON "registrations" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "registry_family_member_idx" ON "registry_family_links" USING btree ("member_id_number");--> statement-breakpoint
CREATE INDEX "registry_persons_sponsor_idx" ON "registry_persons" USING btree ("sponsor_id") WHERE "registry_persons"."sponsor_id" is not null;--> statement-breakpoint
CREATE INDEX "sandbox_sms_to_idx" ON "sandbox_sms_messages" USING btree ("to","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_uq" ON "sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sms_outbox_due_idx" ON "sms_outbox" USING btree ("next_attempt_at") WHERE "sms_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sms_outbox_to_idx" ON "sms_outbox" USING btree ("to","created_at");