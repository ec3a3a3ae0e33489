DROP INDEX "sandbox_sms_to_idx";--> statement-breakpoint
ALTER TABLE "sandbox_sms_messages" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "sandbox_sms_to_idx" ON "sandbox_sms_messages" USING btree ("to","seq");