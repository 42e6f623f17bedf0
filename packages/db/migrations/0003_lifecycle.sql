CREATE TABLE "quote_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"input_index" integer,
	"derived_from" integer,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"part_id" text,
	"quantity" integer NOT NULL,
	"unit" text NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payer" text NOT NULL,
	"customer_amount_fen" bigint NOT NULL,
	"cost_fen" bigint,
	CONSTRAINT "quote_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"warranty_decision_id" uuid NOT NULL,
	"total_fen" bigint NOT NULL,
	"discount_fen" bigint NOT NULL,
	"subtotals" jsonb NOT NULL,
	"by_payer" jsonb NOT NULL,
	"chargeable" boolean NOT NULL,
	"context" jsonb NOT NULL,
	"margin" jsonb,
	"note" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_channel" text,
	"decision_reason" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"approval_reason" text,
	CONSTRAINT "quotes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_intake" (
	"tenant_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"triage_reasons" jsonb NOT NULL,
	"matched_keywords" jsonb NOT NULL,
	"stop_use_advice" jsonb,
	"repeat_of_id" uuid,
	"repeat_match" jsonb,
	"is_repeat" boolean DEFAULT false NOT NULL,
	"store_name" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_intake_tenant_id_request_id_pk" PRIMARY KEY("tenant_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "warranty_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"in_warranty" boolean NOT NULL,
	"coverage" text NOT NULL,
	"payer" text NOT NULL,
	"decision" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"reason" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "warranty_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_tenant_id_quote_id_quotes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","quote_id") REFERENCES "public"."quotes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_work_order_id_work_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","work_order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_warranty_decision_id_warranty_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","warranty_decision_id") REFERENCES "public"."warranty_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_tenant_id_issued_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","issued_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_intake" ADD CONSTRAINT "request_intake_tenant_id_request_id_service_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."service_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_intake" ADD CONSTRAINT "request_intake_tenant_id_repeat_of_id_service_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","repeat_of_id") REFERENCES "public"."service_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_intake" ADD CONSTRAINT "request_intake_tenant_id_answered_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","answered_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warranty_decisions" ADD CONSTRAINT "warranty_decisions_tenant_id_work_order_id_work_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","work_order_id") REFERENCES "public"."work_orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warranty_decisions" ADD CONSTRAINT "warranty_decisions_tenant_id_decided_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decided_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quote_lines_position_uq" ON "quote_lines" USING btree ("tenant_id","quote_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_version_uq" ON "quotes" USING btree ("tenant_id","work_order_id","version");--> statement-breakpoint
CREATE INDEX "request_intake_repeat_idx" ON "request_intake" USING btree ("tenant_id","repeat_of_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warranty_decisions_version_uq" ON "warranty_decisions" USING btree ("tenant_id","work_order_id","version");