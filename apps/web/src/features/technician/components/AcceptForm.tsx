import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignaturePad } from './SignaturePad';

/** R-WO-08: both checks pass and the customer signs on the screen; the accept move carries the PNG. */
export function AcceptForm({
  onSubmit,
  busy,
}: {
  onSubmit: (body: Record<string, unknown>) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [functionOk, setFunctionOk] = useState(false);
  const [appearanceOk, setAppearanceOk] = useState(false);
  const [comment, setComment] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const ready = functionOk && appearanceOk && signature !== null;

  return (
    <Flex vertical gap={12}>
      <Checkbox checked={functionOk} onChange={(e) => setFunctionOk(e.target.checked)}>
        {t('tech.accept.functionTestOk')}
      </Checkbox>
      <Checkbox checked={appearanceOk} onChange={(e) => setAppearanceOk(e.target.checked)}>
        {t('tech.accept.appearanceOk')}
      </Checkbox>
      <Input.TextArea
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('tech.accept.comment')}
        aria-label={t('tech.accept.comment')}
        autoSize={{ minRows: 1 }}
      />
      <SignaturePad onChange={setSignature} />
      {!ready && <Alert type="info" showIcon title={t('tech.accept.needs')} />}
      <Button
        type="primary"
        block
        disabled={!ready}
        loading={busy}
        onClick={() =>
          signature &&
          onSubmit({
            functionTestOk: true,
            appearanceOk: true,
            customerSignature: signature,
            comment: comment.trim() || undefined,
          })
        }
      >
        {t('tech.action.accept')}
      </Button>
    </Flex>
  );
}
