import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnitListing } from '../../../shared/api/responses';
import type { FrozenSeries } from '../../../shared/state/decision-packet';
import { HOUR } from '../../../shared/time';
import { queries } from '../api/queries';
import { LevelBadge } from '../components/level-badge';
import { useLanguage } from '../i18n/language';
import { type ChartLine, EvidenceChart } from './evidence-chart';
import { explained, marks, nameOf, namesOf, when } from './words';

function frozenPoints(series: FrozenSeries | null): ChartLine['points'] {
  if (!series) return [];
  return series.values.map((value, index) => ({ time: series.start + index * HOUR, value }));
}

/**
 * The packet's map, drawn by the server from the frozen state: on request, since a picture takes the
 * server's browser a few seconds.
 */
function PacketMap({ id }: { id: number }) {
  const { language, t } = useLanguage();
  const [shown, setShown] = useState(false);
  const href = `/api/packets/${id}/map.png?lang=${language}`;
  if (!shown)
    return (
      <p>
        <button type="button" onClick={() => setShown(true)} data-testid="packet-map-show">
          {t('packetShowMap')}
        </button>
      </p>
    );
  return (
    <figure className="packet-map">
      <img src={href} alt={t('packetMap')} width={640} height={400} data-testid="packet-map" />
      <figcaption>
        <a href={href} download>
          {t('packetMapDownload')}
        </a>
      </figcaption>
    </figure>
  );
}

/** One packet, opened: the evidence as the signers saw it, frozen with the event (issue 15). */
function PacketView({
  id,
  units,
  onClose,
}: {
  id: number;
  units: ReadonlyMap<string, UnitListing>;
  onClose: () => void;
}) {
  const { language, t } = useLanguage();
  const packet = useQuery(queries.packet(id));
  const data = packet.data;
  return (
    <div
      className="packet"
      role="dialog"
      aria-modal="false"
      aria-label={t('packetsTitle')}
      data-testid="packet"
    >
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>{' '}
      <a href={`/api/packets/${id}/export`} download data-testid="packet-export">
        {t('exportPacket')}
      </a>
      {packet.error && (
        <p className="notice error" role="alert">
          {packet.error.message}
        </p>
      )}
      {data && (
        <>
          <p data-testid="packet-frozen" data-outcome={data.outcome}>
            {t(`packet-${data.outcome}`)} · {t('packetFrozen', when(data.at), when(data.frozenAt))}
          </p>
          <EvidenceChart
            lines={[
              ...data.evidence.members
                .filter(() => data.evidence.members.length > 1)
                .map((member) => ({
                  id: member.unitId,
                  label: nameOf(language, units, member.unitId),
                  points: frozenPoints(member.series),
                  main: false,
                })),
              {
                id: 'subject',
                label: t('regionAverage'),
                points: frozenPoints(data.evidence.subject),
                main: true,
              },
            ]}
            band={[]}
            now={data.evidence.state.now}
          />
          {data.evidence.guards.length > 0 && (
            <>
              <h5>{t('packetGuards')}</h5>
              <ul>
                {data.evidence.guards.map((guard) => (
                  <li key={guard.id}>
                    <strong>{t(`guard-${guard.id}`)}</strong>
                    {marks(language).colon}
                    {explained(language, guard.explanation)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h5>{t('packetRecommendation')}</h5>
          <ol>
            {data.evidence.state.recommendation.map((entry) => (
              <li key={`${entry.kind}-${entry.regionId ?? entry.unitId}`}>
                <LevelBadge level={entry.level} /> {namesOf(language, units, entry.members)}
              </li>
            ))}
          </ol>
          <PacketMap id={id} />
        </>
      )}
    </div>
  );
}

/** The decision packets of a warning: one per issue, raise, lowering and lifting, viewable and exportable. */
export function Packets({
  warningId,
  units,
}: {
  warningId: string;
  units: ReadonlyMap<string, UnitListing>;
}) {
  const { t } = useLanguage();
  const list = useQuery(queries.packets(warningId)).data?.packets ?? [];
  const [open, setOpen] = useState<number | null>(null);
  if (list.length === 0) return null;
  return (
    <div className="packets" data-testid="packets">
      <h4>{t('packetsTitle')}</h4>
      <ul>
        {list.map((packet) => (
          <li key={packet.id}>
            {t(`packet-${packet.outcome}`)} {when(packet.at)}{' '}
            <button type="button" onClick={() => setOpen(packet.id)} data-testid="open-packet">
              {t('openPacket')}
            </button>
          </li>
        ))}
      </ul>
      {open !== null && <PacketView id={open} units={units} onClose={() => setOpen(null)} />}
    </div>
  );
}
