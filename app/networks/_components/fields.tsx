'use client';

import { SelectField, TextAreaField, TextField } from '@/app/_components/ui';
import { useI18n } from '@/app/_components/providers';
import { ORG_KINDS } from '@/lib/networks/constants';

export interface OrganisationDetails {
  name: string;
  kind: string;
  website: string;
  description: string;
}

export interface NetworkDetails {
  name: string;
  purpose: string;
}

/** Reads a network's name and purpose from a submitted form. */
export function readNetworkDetails(form: FormData): NetworkDetails {
  return { name: String(form.get('name') ?? ''), purpose: String(form.get('purpose') ?? '') };
}

/** A network's name and purpose: for starting one and for changing it. */
export function NetworkFields({ initial }: { initial?: NetworkDetails }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('networks.create.name')}
        name="name"
        defaultValue={initial?.name}
        required
        minLength={2}
        maxLength={120}
      />
      <TextAreaField
        label={t('networks.create.purpose')}
        hint={t('networks.create.purposeHint')}
        name="purpose"
        defaultValue={initial?.purpose}
        maxLength={2000}
        optionalLabel={t('common.optional')}
      />
    </>
  );
}

/** Reads an organisation's fields from a submitted form. */
export function readOrganisationDetails(form: FormData): OrganisationDetails {
  return {
    name: String(form.get('name') ?? ''),
    kind: String(form.get('kind') ?? 'ngo'),
    website: String(form.get('website') ?? ''),
    description: String(form.get('description') ?? ''),
  };
}

/** An organisation's name, kind, website and description: for adding one and for changing its details. */
export function OrganisationFields({
  initial,
  descriptionRows,
}: {
  initial?: OrganisationDetails;
  descriptionRows: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t('networks.org.name')} name="name" defaultValue={initial?.name} required maxLength={120} />
      <SelectField
        label={t('networks.org.kind')}
        name="kind"
        defaultValue={initial?.kind ?? 'ngo'}
        options={ORG_KINDS.map((k) => ({ value: k, label: t(`networks.kind.${k}`) }))}
      />
      <TextField
        label={t('networks.org.website')}
        name="website"
        type="url"
        placeholder={initial ? undefined : 'https://'}
        defaultValue={initial?.website}
        optionalLabel={t('common.optional')}
      />
      <TextAreaField
        label={t('networks.org.description')}
        name="description"
        rows={descriptionRows}
        defaultValue={initial?.description}
        optionalLabel={t('common.optional')}
      />
    </>
  );
}
