import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import {
  CHANNELS,
  PRIORITIES,
  REQUEST_TYPES,
  createRequest,
  getCustomer,
  listModels,
  searchCustomers,
  searchUnits,
  unitsOf,
  type CreatedRequest,
  type Customer,
} from '../api/intake';

type Values = Record<string, unknown> & {
  newCustomer?: { name?: string; phone?: string };
  newUnit?: { modelId?: string; serialNumber?: string; purchaseDate?: string };
};

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Step 1: type a phone, serial number or name (pinyin initials too); customers and units appear. */
function CustomerSearch({ onPick }: { onPick: (customerId: string, unitId?: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const customers = useQuery({
    queryKey: ['intake', 'customers', q],
    queryFn: ({ signal }) => searchCustomers(q, signal),
    enabled: q.length >= 2,
  });
  const units = useQuery({
    queryKey: ['intake', 'units', q],
    queryFn: ({ signal }) => searchUnits(q, signal),
    enabled: q.length >= 2,
  });
  const loading = customers.isFetching || units.isFetching;
  const error = customers.error ?? units.error;
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('intake.searchPlaceholder')}
        aria-label={t('intake.search')}
        loading={loading}
        data-testid="intake-search"
      />
      {q.length < 2 ? (
        <Typography.Text type="secondary">{t('intake.searchHint')}</Typography.Text>
      ) : error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          action={
            <Button size="small" onClick={() => void Promise.all([customers.refetch(), units.refetch()])}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : !customers.data || !units.data ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} aria-busy="true" />
      ) : customers.data.items.length === 0 && units.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.noMatch')} />
      ) : (
        <List
          size="small"
          bordered
          data-testid="intake-results"
          dataSource={[
            ...customers.data.items.map((customer) => ({
              key: `c-${customer.id}`,
              customer,
              unit: undefined,
            })),
            ...units.data.items.map((unit) => ({ key: `u-${unit.id}`, customer: undefined, unit })),
          ]}
          renderItem={(item) => (
            <List.Item
              key={item.key}
              actions={[
                <Button
                  key="pick"
                  size="small"
                  type="link"
                  onClick={() =>
                    item.customer
                      ? onPick(item.customer.id)
                      : item.unit && onPick(item.unit.ownerId, item.unit.id)
                  }
                >
                  {t('intake.pick')}
                </Button>,
              ]}
            >
              {item.customer ? (
                <Flex vertical>
                  <Typography.Text strong>{item.customer.name}</Typography.Text>
                  <Typography.Text type="secondary" className="tabular">
                    {item.customer.phones.join(', ')}
                  </Typography.Text>
                </Flex>
              ) : (
                item.unit && (
                  <Flex vertical>
                    <Typography.Text strong className="tabular">
                      {item.unit.serialNumber}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {item.unit.model.code} · {item.unit.model.name}
                    </Typography.Text>
                  </Flex>
                )
              )}
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

function CustomerCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const address = customer.addresses.find((a) => a.isDefault) ?? customer.addresses[0];
  return (
    <Flex vertical data-testid="intake-customer">
      <Typography.Text strong>{customer.name}</Typography.Text>
      <Typography.Text className="tabular">{customer.phones.join(', ')}</Typography.Text>
      <Typography.Text type="secondary">
        {address
          ? `${address.province}${address.city}${address.district ?? ''}${address.line}`
          : t('intake.noAddress')}
      </Typography.Text>
    </Flex>
  );
}

function Created({ request, onNext }: { request: CreatedRequest; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (
    <Flex vertical gap={12} data-testid="intake-created">
      {request.stopUseAdvice && (
        <Alert
          type="error"
          showIcon
          title={t('intake.stopUseTitle')}
          description={
            <Typography.Text strong>
              {zh ? request.stopUseAdvice.zh : request.stopUseAdvice.en}
            </Typography.Text>
          }
          data-testid="stop-use-advice"
        />
      )}
      {request.isRepeat && (
        <Alert
          type="warning"
          showIcon
          title={t('intake.repeatTitle')}
          description={
            request.repeat
              ? t('intake.repeatDetail', { days: request.repeat.daysSince })
              : t('intake.repeatTitle')
          }
          data-testid="repeat-flag"
        />
      )}
      <Result
        status="success"
        title={t('intake.createdTitle', { number: request.number })}
        subTitle={
          <Flex gap={8} justify="center" wrap>
            <Tag color={request.priority === 'urgent' ? 'red' : undefined}>
              {t(`workOrder.priority.${request.priority}`, { defaultValue: request.priority })}
            </Tag>
            {request.workOrderId && (
              <Link to={`/work-orders/${request.workOrderId}`}>{t('intake.openWorkOrder')}</Link>
            )}
          </Flex>
        }
        extra={
          <Button type="primary" onClick={onNext}>
            {t('intake.next')}
          </Button>
        }
      />
    </Flex>
  );
}

export function IntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.title'));
  const [form] = Form.useForm<Values>();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customerMode, setCustomerMode] = useState<'existing' | 'new'>('existing');
  const [unitMode, setUnitMode] = useState<'existing' | 'new'>('existing');
  const [formError, setFormError] = useState<string | null>(null);
  const [customerMissing, setCustomerMissing] = useState(false);
  const [created, setCreated] = useState<CreatedRequest | null>(null);

  const customer = useQuery({
    queryKey: ['intake', 'customer', customerId],
    queryFn: ({ signal }) => getCustomer(customerId ?? '', signal),
    enabled: Boolean(customerId),
  });
  const units = useQuery({
    queryKey: ['intake', 'units-of', customerId],
    queryFn: ({ signal }) => unitsOf(customerId ?? '', signal),
    enabled: Boolean(customerId),
  });
  const models = useQuery({
    queryKey: ['intake', 'models'],
    queryFn: ({ signal }) => listModels(signal),
    enabled: unitMode === 'new',
  });

  const mutation = useMutation({
    mutationFn: (values: Values) => createRequest(toBody(values), idempotencyKey),
    onSuccess: (request) => setCreated(request),
    onError: (error) => {
      const problems = isApiError(error) ? error.fieldErrors : [];
      const placed: string[] = [];
      const fields = problems.flatMap((problem) => {
        const name = FIELD_OF[problem.field] ?? problem.field.split('.');
        if (!form.getFieldInstance(name)) return [];
        placed.push(problem.field);
        return [{ name, errors: [problem.message] }];
      });
      form.setFields(fields);
      const others = problems.filter((problem) => !placed.includes(problem.field));
      setFormError([errorMessage(error, t), ...others.map((p) => `${p.field}: ${p.message}`)].join(' '));
    },
  });

  function toBody(values: Values): Record<string, unknown> {
    const body: Record<string, unknown> = {
      channel: values.channel,
      type: values.type,
      priority: values.priority || undefined,
      problem: typeof values.problem === 'string' ? values.problem.trim() : values.problem,
      safetyHazard: Boolean(values.safetyHazard),
    };
    if (values.problemStartedAt)
      body.problemStartedAt = new Date(String(values.problemStartedAt)).toISOString();
    if (customerMode === 'existing') body.customerId = customerId ?? undefined;
    else
      body.customer = {
        name: values.newCustomer?.name?.trim(),
        phones: values.newCustomer?.phone ? [values.newCustomer.phone.trim()] : [],
      };
    if (unitMode === 'existing') body.unitId = values.unitId || undefined;
    else if (values.newUnit?.modelId || values.newUnit?.serialNumber)
      body.unit = {
        modelId: values.newUnit.modelId,
        serialNumber: values.newUnit.serialNumber?.trim(),
        purchaseDate: values.newUnit.purchaseDate || undefined,
      };
    return body;
  }

  function reset() {
    form.resetFields();
    setCreated(null);
    setCustomerId(null);
    setCustomerMode('existing');
    setUnitMode('existing');
    setFormError(null);
    setCustomerMissing(false);
    setIdempotencyKey(crypto.randomUUID());
  }

  if (created)
    return (
      <Flex vertical style={{ maxWidth: 900, margin: '0 auto', width: '100%' }}>
        <Created request={created} onNext={reset} />
      </Flex>
    );

  const label = (code: string) => t(`workOrder.channel.${code}`, { defaultValue: code });
  return (
    <Flex
      vertical
      gap={16}
      style={{ maxWidth: 1440, margin: '0 auto', width: '100%' }}
      data-testid="intake-page"
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'hotline', type: 'repair', safetyHazard: false }}
        onFinishFailed={() => setCustomerMissing(customerMode === 'existing' && !customerId)}
        onFinish={(values) => {
          setFormError(null);
          if (customerMode === 'existing' && !customerId) {
            setCustomerMissing(true);
            return;
          }
          mutation.mutate(values);
        }}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('intake.customer')}>
              <Segmented
                block
                value={customerMode}
                onChange={(value) => {
                  setCustomerMode(value as 'existing' | 'new');
                  if (value === 'new') setUnitMode('new');
                }}
                options={[
                  { value: 'existing', label: t('intake.existingCustomer') },
                  { value: 'new', label: t('intake.newCustomer') },
                ]}
                style={{ marginBottom: 12 }}
              />
              {customerMode === 'existing' ? (
                <Form.Item
                  validateStatus={customerMissing && !customerId ? 'error' : undefined}
                  help={customerMissing && !customerId ? t('intake.pickCustomer') : undefined}
                >
                  <Flex vertical gap={12}>
                    {customerId && customer.data ? (
                      <Flex justify="space-between" align="start" gap={8}>
                        <CustomerCard customer={customer.data} />
                        <Button size="small" onClick={() => setCustomerId(null)}>
                          {t('intake.change')}
                        </Button>
                      </Flex>
                    ) : customerId && customer.isError ? (
                      <Alert type="error" title={errorMessage(customer.error, t)} />
                    ) : customerId ? (
                      <Skeleton active title={false} paragraph={{ rows: 2 }} />
                    ) : (
                      <CustomerSearch
                        onPick={(id, unitId) => {
                          setCustomerId(id);
                          form.setFieldsValue({ unitId });
                        }}
                      />
                    )}
                  </Flex>
                </Form.Item>
              ) : (
                <>
                  <Form.Item
                    name={['newCustomer', 'name']}
                    label={t('intake.customerName')}
                    rules={[{ required: true, whitespace: true, message: t('intake.required') }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={['newCustomer', 'phone']}
                    label={t('intake.phone')}
                    rules={[{ required: true, min: 3, message: t('intake.phoneInvalid') }]}
                  >
                    <Input inputMode="tel" maxLength={32} />
                  </Form.Item>
                </>
              )}
            </Card>
            <Card size="small" title={t('intake.unit')} style={{ marginTop: 16 }}>
              <Segmented
                block
                value={unitMode}
                onChange={(value) => setUnitMode(value as 'existing' | 'new')}
                options={[
                  { value: 'existing', label: t('intake.existingUnit'), disabled: customerMode === 'new' },
                  { value: 'new', label: t('intake.newUnit') },
                ]}
                style={{ marginBottom: 12 }}
              />
              {unitMode === 'existing' ? (
                <Form.Item name="unitId" label={t('intake.unitOfCustomer')}>
                  <Select
                    allowClear
                    disabled={!customerId}
                    loading={units.isFetching}
                    placeholder={customerId ? t('intake.pickUnit') : t('intake.pickCustomerFirst')}
                    notFoundContent={units.isError ? errorMessage(units.error, t) : t('intake.noUnits')}
                    options={(units.data?.items ?? []).map((unit) => ({
                      value: unit.id,
                      label: `${unit.serialNumber} · ${unit.model.code} ${unit.model.name}`,
                    }))}
                  />
                </Form.Item>
              ) : (
                <>
                  <Form.Item name={['newUnit', 'modelId']} label={t('intake.model')}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={models.isFetching}
                      notFoundContent={models.isError ? errorMessage(models.error, t) : undefined}
                      options={(models.data?.items ?? []).map((model) => ({
                        value: model.id,
                        label: `${model.code} · ${model.name}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={['newUnit', 'serialNumber']} label={t('intake.serialNumber')}>
                    <Input maxLength={64} />
                  </Form.Item>
                  <Form.Item name={['newUnit', 'purchaseDate']} label={t('intake.purchaseDate')}>
                    <Input type="date" />
                  </Form.Item>
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('intake.request')}>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
                    <Select options={CHANNELS.map((code) => ({ value: code, label: label(code) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="type" label={t('intake.type')} rules={[{ required: true }]}>
                    <Select
                      options={REQUEST_TYPES.map((code) => ({
                        value: code,
                        label: t(`workOrder.requestType.${code}`, { defaultValue: code }),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="priority" label={t('intake.priority')} tooltip={t('intake.priorityHint')}>
                    <Select
                      allowClear
                      placeholder={t('intake.priorityAuto')}
                      options={PRIORITIES.map((code) => ({
                        value: code,
                        label: t(`workOrder.priority.${code}`, { defaultValue: code }),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="problem"
                label={t('intake.problem')}
                rules={[{ required: true, whitespace: true, min: 2, message: t('intake.problemRequired') }]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="problemStartedAt" label={t('intake.problemStartedAt')}>
                    <Input type="datetime-local" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="safetyHazard" label={t('intake.safetyHazard')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              {formError && (
                <Alert
                  type="error"
                  showIcon
                  title={formError}
                  style={{ marginBottom: 12 }}
                  data-testid="intake-error"
                />
              )}
              <Button
                type="primary"
                htmlType="submit"
                loading={mutation.isPending}
                block
                data-testid="intake-submit"
              >
                {t('intake.submit')}
              </Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </Flex>
  );
}

/** API field paths → form field names where they differ. */
const FIELD_OF: Record<string, (string | number)[]> = {
  'customer.name': ['newCustomer', 'name'],
  'customer.phones': ['newCustomer', 'phone'],
  'customer.phones.0': ['newCustomer', 'phone'],
  'unit.modelId': ['newUnit', 'modelId'],
  'unit.serialNumber': ['newUnit', 'serialNumber'],
  'unit.purchaseDate': ['newUnit', 'purchaseDate'],
  customer: ['newCustomer', 'name'],
  unit: ['newUnit', 'modelId'],
};
