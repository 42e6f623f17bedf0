import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import type { ActionField, ActionSpec } from '../api/actions';
import { runAction } from '../api/workOrder';

interface Props {
  orderId: string;
  spec: ActionSpec;
  onClose: () => void;
  onDone: () => void;
}

type Values = Record<string, unknown>;

function toBody(spec: ActionSpec, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of [...spec.fields, { name: 'reason', kind: 'textarea' } as const]) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (field.kind === 'yuan') body[field.name] = Math.round(Number(value) * 100);
    else if (field.kind === 'datetime') body[field.name] = new Date(String(value)).toISOString();
    else if (typeof value === 'string') body[field.name] = value.trim();
    else body[field.name] = value;
  }
  return body;
}

// Form.Item injects value/checked, onChange and id into its direct child; pass them on to the control.
function FieldInput({ field, ...control }: { field: ActionField } & Record<string, unknown>) {
  const { t } = useTranslation();
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} {...control} />;
    case 'boolean':
      return <Switch {...control} />;
    case 'yuan':
      return (
        <InputNumber min={0} step={10} {...control} precision={2} prefix="¥" style={{ width: '100%' }} />
      );
    case 'number':
      return <InputNumber min={0} {...control} style={{ width: '100%' }} />;
    case 'datetime':
      return <Input type="datetime-local" {...control} />;
    case 'date':
      return <Input type="date" {...control} />;
    case 'select':
      return (
        <Select
          {...control}
          allowClear={!field.required}
          options={(field.options ?? []).map((option) => ({
            value: option.value,
            label: t(option.labelKey),
          }))}
        />
      );
    default:
      return <Input maxLength={500} {...control} />;
  }
}

/** The small form of one move: its fields, a reason (required when the move needs one), POST, errors by field. */
export function ActionForm({ orderId, spec, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: Values) => runAction(orderId, spec.action, toBody(spec, values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['work-order', orderId] });
      onDone();
    },
    onError: (error) => {
      const known = new Set([...spec.fields.map((field) => field.name), 'reason']);
      const fieldErrors = isApiError(error) ? error.fieldErrors : [];
      const placed = fieldErrors.filter((problem) => known.has(problem.field.split('.')[0] ?? ''));
      form.setFields(
        placed.map((problem) => ({ name: problem.field.split('.')[0] ?? '', errors: [problem.message] })),
      );
      const others = fieldErrors.filter((problem) => !placed.includes(problem));
      setFormError(
        [errorMessage(error, t), ...others.map((problem) => `${problem.field}: ${problem.message}`)].join(
          ' ',
        ),
      );
    },
  });

  const initialValues: Values = { faultConfirmed: true, repairFeasible: true, productRunning: true };
  return (
    <Modal
      open
      title={t(spec.labelKey)}
      okText={t('workOrder.actions.submit')}
      cancelText={t('workOrder.actions.cancel')}
      okButtonProps={{ danger: spec.danger, loading: mutation.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        {spec.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(field.labelKey)}
            valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
            rules={field.required ? [{ required: true, message: t('workOrder.actions.required') }] : []}
          >
            <FieldInput field={field} />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label={t('workOrder.field.reason')}
          rules={
            spec.reasonRequired
              ? [{ required: true, whitespace: true, message: t('workOrder.actions.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} data-testid="action-error" />}
      </Form>
    </Modal>
  );
}
