CREATE TABLE "sla_clocks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"target_key" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone,
	"next_alert_at" timestamp with time zone,
	"warning_recorded_at" timestamp with time zone,
	"breach_recorded_at" timestamp with time zone,
	"clock" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_clocks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_clocks_subject_idx" ON "sla_clocks" USING btree ("tenant_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_next_alert_idx" ON "sla_clocks" USING btree ("next_alert_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_deadline_idx" ON "sla_clocks" USING btree ("tenant_id","status","deadline");