import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignaturePad } from './SignaturePad';

interface Values {
  symptom?: string;
  cause?: string;
  plan?: string;
  workDone: string;
  testResult: string;
  wholeProductCheck?: string;
  otherFaultsAsked?: boolean;
  otherFaults?: string;
  partsReplaced?: { name: string; partNumber?: string; quantity: number }[];
}

const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The repair record of the `complete` move (docs/api-fieldwork.md), limits as in the API's schema. */
export function CompleteForm({
  onSubmit,
  busy,
}: {
  onSubmit: (body: Record<string, unknown>) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<string | null>(null);
  const text = (max: number) => [{ max, message: t('tech.form.tooLong', { max }) }];
  const required = (max: number) => [
    { required: true, whitespace: true, message: t('tech.form.required') },
    ...text(max),
  ];

  return (
    <Form<Values>
      layout="vertical"
      initialValues={{ otherFaultsAsked: true, partsReplaced: [] }}
      onFinish={(v) =>
        onSubmit({
          symptom: trimmed(v.symptom),
          cause: trimmed(v.cause),
          plan: trimmed(v.plan),
          workDone: v.workDone.trim(),
          testResult: v.testResult.trim(),
          wholeProductCheck: trimmed(v.wholeProductCheck),
          otherFaultsAsked: v.otherFaultsAsked ?? false,
          otherFaults: trimmed(v.otherFaults),
          partsReplaced: (v.partsReplaced ?? []).map((p) => ({
            name: p.name.trim(),
            partNumber: trimmed(p.partNumber),
            quantity: p.quantity,
          })),
          technicianSignature: signature ?? undefined,
        })
      }
    >
      <Form.Item name="symptom" label={t('tech.complete.symptom')} rules={text(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item name="cause" label={t('tech.complete.cause')} rules={text(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item name="plan" label={t('tech.complete.plan')} rules={text(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Typography.Text strong>{t('tech.complete.parts')}</Typography.Text>
      <Form.List name="partsReplaced">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={6} align="start">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={required(200)}
                  style={{ flex: 2, marginBottom: 0 }}
                >
                  <Input placeholder={t('tech.complete.partName')} aria-label={t('tech.complete.partName')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'partNumber']}
                  rules={text(100)}
                  style={{ flex: 2, marginBottom: 0 }}
                >
                  <Input
                    placeholder={t('tech.complete.partNumber')}
                    aria-label={t('tech.complete.partNumber')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  initialValue={1}
                  rules={[{ required: true, message: t('tech.form.required') }]}
                  style={{ width: 64, marginBottom: 0 }}
                >
                  <InputNumber
                    min={1}
                    max={10000}
                    precision={0}
                    aria-label={t('tech.complete.quantity')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button onClick={() => remove(field.name)} aria-label={t('tech.complete.removePart')}>
                  ×
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ quantity: 1 })}>
              {t('tech.complete.addPart')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="workDone" label={t('tech.complete.workDone')} rules={required(4000)}>
        <Input.TextArea autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item name="testResult" label={t('tech.complete.testResult')} rules={required(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item name="wholeProductCheck" label={t('tech.complete.wholeProductCheck')} rules={text(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item name="otherFaultsAsked" valuePropName="checked">
        <Checkbox>{t('tech.complete.otherFaultsAsked')}</Checkbox>
      </Form.Item>
      <Form.Item name="otherFaults" label={t('tech.complete.otherFaults')} rules={text(2000)}>
        <Input.TextArea autoSize={{ minRows: 1 }} />
      </Form.Item>
      <Form.Item label={t('tech.complete.technicianSignature')}>
        <SignaturePad onChange={setSignature} height={140} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('tech.action.complete')}
      </Button>
    </Form>
  );
}
