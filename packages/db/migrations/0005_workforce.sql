CREATE TABLE "dispatch_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_centre_id" uuid NOT NULL,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"parent_id" uuid,
	"change" jsonb,
	"input" jsonb,
	"result" jsonb,
	"moved" jsonb,
	"error" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "dispatch_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"short_notice_reason" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "leave_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_centres" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"service_radius_km" double precision NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_centres_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_centre_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"weekday" integer,
	"date" date,
	"kind" text NOT NULL,
	"start_time" text,
	"end_time" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "shifts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "technician_profiles" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"service_centre_id" uuid NOT NULL,
	"skills" jsonb NOT NULL,
	"certificates" jsonb NOT NULL,
	"assessment_passed" boolean NOT NULL,
	"assessment_date" date,
	"home_latitude" double precision NOT NULL,
	"home_longitude" double precision NOT NULL,
	"service_area_latitude" double precision,
	"service_area_longitude" double precision,
	"service_area_radius_km" double precision,
	"van_capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "technician_profiles_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "dispatch_plans" ADD CONSTRAINT "dispatch_plans_tenant_id_service_centre_id_service_centres_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_centre_id") REFERENCES "public"."service_centres"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_tenant_id_technician_id_technician_profiles_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","technician_id") REFERENCES "public"."technician_profiles"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_centres" ADD CONSTRAINT "service_centres_tenant_id_tenants_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_tenant_id_service_centre_id_service_centres_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_centre_id") REFERENCES "public"."service_centres"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_tenant_id_technician_id_technician_profiles_tenant_id_user_id_fk" FOREIGN KEY ("tenant_id","technician_id") REFERENCES "public"."technician_profiles"("tenant_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_profiles" ADD CONSTRAINT "technician_profiles_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_profiles" ADD CONSTRAINT "technician_profiles_tenant_id_service_centre_id_service_centres_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_centre_id") REFERENCES "public"."service_centres"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_plans_centre_idx" ON "dispatch_plans" USING btree ("tenant_id","service_centre_id","date");--> statement-breakpoint
CREATE INDEX "leave_requests_technician_idx" ON "leave_requests" USING btree ("tenant_id","technician_id","starts_at");--> statement-breakpoint
CREATE INDEX "shifts_technician_idx" ON "shifts" USING btree ("tenant_id","technician_id");--> statement-breakpoint
CREATE INDEX "shifts_centre_idx" ON "shifts" USING btree ("tenant_id","service_centre_id");--> statement-breakpoint
CREATE INDEX "technician_profiles_centre_idx" ON "technician_profiles" USING btree ("tenant_id","service_centre_id");