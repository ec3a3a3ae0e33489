CREATE TABLE "otp_sends" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mobile" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"resend" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "name_ar" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "name_en" text;--> statement-breakpoint
CREATE INDEX "otp_sends_mobile_idx" ON "otp_sends" USING btree ("mobile","sent_at");