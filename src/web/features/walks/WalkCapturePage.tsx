import { useQueryClient } from '@tanstack/react-query';
import L from 'leaflet';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundCoordinate, useDevicePosition } from '../../components/use-device-position.js';
import { Link, useParams } from 'react-router';
import type { Severity } from '../../../domain/walks.js';
import { SEVERITIES } from '../../../domain/walks.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { EarlierObservations } from './EarlierObservations.js';
import { prepareOffline } from './offline.js';
import { enqueue, type QueuedObservation, queued, replay } from './outbox.js';
import { latLngs, SEVERITY_COLOURS, useChecklist, useWalk, useWalkObservations } from './use-walks.js';
import './walks.css';
import { PHOTO_ACCEPT, photoFileProblem } from '../../forms/photo-file.js';

/** The observations of the walk the server has and those still on the phone, for the list and the map. */
interface Listed {
  id: string;
  itemId: string;
  lon: number;
  lat: number;
  severity: Severity;
  note: string | null;
  photo: boolean;
  at: string;
  pending: boolean;
  refused: { sv: string; en: string } | null;
}

/**
 * The page a walker uses on the phone: tap the map (or use the position), pick a checklist item, severity,
 * note and photo, save. Each observation is kept on the phone first and sent from there, so nothing is lost
 * without coverage; the page itself is cached for the walk by its service worker.
 */
export function WalkCapturePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const walk = useWalk(id);
  const checklist = useChecklist();
  const observations = useWalkObservations(id);
  const [map, setMap] = useState<L.Map | null>(null);
  const [point, setPoint] = useState<{ lon: number; lat: number } | null>(null);
  const [itemId, setItemId] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoKey, setPhotoKey] = useState(0);
  const [errors, setErrors] = useState<{ point?: string; item?: string; photo?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [offlineReady, setOfflineReady] = useState(false);
  const [pending, setPending] = useState<QueuedObservation[]>([]);
  const [finishError, setFinishError] = useState<string | null>(null);
  useDocumentTitle(walk.data ? `${t('walks.captureTitle')}: ${walk.data.title}` : t('walks.captureTitle'));

  const refreshQueue = useCallback(async () => setPending(await queued(id)), [id]);
  const send = useCallback(async () => {
    const sent = await replay(id).catch(() => 0);
    await refreshQueue();
    if (sent > 0) {
      await queryClient.invalidateQueries({ queryKey: ['walks', id] });
    }
    return sent;
  }, [id, queryClient, refreshQueue]);

  useEffect(() => {
    void send();
    const up = () => {
      setOnline(true);
      void send();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [send]);

  // Once the walk and its checklist are here, the worker keeps them and everything loaded so far.
  const loaded = Boolean(walk.data && checklist.data);
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    prepareOffline()
      .then((ready) => live && setOfflineReady(ready))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [loaded]);

  useEffect(() => {
    if (!map) return;
    const click = (e: L.LeafletMouseEvent) =>
      setPoint({ lon: roundCoordinate(e.latlng.lng), lat: roundCoordinate(e.latlng.lat) });
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map]);

  const route = walk.data?.route ?? null;
  useMapLayer(
    map,
    (m) => {
      if (!route) return null;
      const line = L.polyline(latLngs(route.coordinates), { color: '#1f3a5f', weight: 4, dashArray: '8 6' });
      m.fitBounds(line.getBounds(), { padding: [24, 24], maxZoom: 17 });
      return line;
    },
    [route],
  );

  const items = checklist.data?.items ?? [];
  const label = (itemId: string) => {
    const item = items.find((i) => i.id === itemId);
    return item ? (i18n.language === 'en' ? item.label_en : item.label) : '';
  };

  const listed: Listed[] = useMemo(() => {
    const stored = (observations.data?.observations ?? []).map((o) => ({
      id: o.id,
      itemId: o.item.id,
      lon: o.lon,
      lat: o.lat,
      severity: o.severity,
      note: o.note,
      photo: o.photo !== null,
      at: o.observed_at,
      pending: false,
      refused: null,
    }));
    const storedIds = new Set(stored.map((o) => o.id));
    const waiting = pending
      .filter((q) => !storedIds.has(q.id))
      .map((q) => ({
        id: q.id,
        itemId: q.body.item_id,
        lon: q.body.lon,
        lat: q.body.lat,
        severity: q.body.severity,
        note: q.body.note ?? null,
        photo: q.photo !== null,
        at: q.body.observed_at ?? '',
        pending: true,
        refused: q.refused,
      }));
    return [...stored, ...waiting].sort((a, b) => b.at.localeCompare(a.at));
  }, [observations.data, pending]);

  useMapLayer(
    map,
    () =>
      L.layerGroup(
        listed.map((o) =>
          L.circleMarker([o.lat, o.lon], {
            radius: 7,
            color: '#ffffff',
            weight: 2,
            fillColor: SEVERITY_COLOURS[o.severity],
            fillOpacity: o.pending ? 0.5 : 1,
            interactive: false,
          }),
        ),
      ),
    [listed],
  );
  useMapLayer(
    map,
    () =>
      point &&
      L.circleMarker([point.lat, point.lon], {
        radius: 11,
        color: '#ffffff',
        weight: 3,
        fillColor: '#c2410c',
        fillOpacity: 1,
        interactive: false,
      }),
    [point?.lat, point?.lon],
  );

  const { state: geoState, locate: locateMe } = useDevicePosition(
    (p) => {
      setPoint(p);
      map?.setView([p.lat, p.lon], Math.max(map.getZoom(), 16));
    },
    { maximumAgeMs: 30_000 },
  );

  const choosePhoto = (file: File | null) => {
    setErrors((e) => ({ ...e, photo: undefined }));
    const problem = file ? photoFileProblem(file) : undefined;
    if (problem) setErrors((e) => ({ ...e, photo: t(`resident.photo.${problem}`) }));
    setPhoto(problem ? null : file);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      point: point ? undefined : t('walks.needPoint'),
      item: itemId ? undefined : t('walks.needItem'),
    };
    setErrors((prev) => ({ ...prev, ...problems }));
    if (!point || !itemId) {
      document.getElementById(point ? 'walk-item' : 'walk-point-status')?.focus();
      return;
    }
    const observationId = crypto.randomUUID();
    await enqueue({
      id: observationId,
      walkId: id,
      body: {
        id: observationId,
        item_id: itemId,
        lon: point.lon,
        lat: point.lat,
        severity,
        ...(note.trim() ? { note: note.trim() } : {}),
        observed_at: new Date().toISOString(),
      },
      photo,
      photoName: photo?.name ?? null,
      refused: null,
    });
    setPoint(null);
    setNote('');
    setPhoto(null);
    setPhotoKey((k) => k + 1);
    await refreshQueue();
    const sent = await send();
    setMessage(sent > 0 && navigator.onLine ? t('walks.saved') : t('walks.savedOffline'));
  };

  const finish = async () => {
    setFinishError(null);
    await send();
    if ((await queued(id)).some((q) => !q.refused)) {
      setFinishError(t('walks.finishWaiting'));
      return;
    }
    try {
      await api.setStatus(id, 'finished');
      await queryClient.invalidateQueries({ queryKey: ['walks'] });
      setMessage(t('walks.finished'));
    } catch (err) {
      setFinishError(errorText(err));
    }
  };

  const data = walk.data;
  const waiting = pending.filter((q) => !q.refused).length;
  return (
    <div className="page walk-capture">
      <QueryState isPending={walk.isPending} error={walk.error} onRetry={() => void walk.refetch()}>
        {data && (
          <>
            <h1>{data.title}</h1>
            <p className="muted">
              {format.longDay(data.walk_date)}, {data.area.name} · {t(`walks.status.${data.status}`)}
            </p>
            <p className={`walk-connection ${online ? 'is-online' : 'is-offline'}`} role="status">
              {online ? t('walks.online') : t('walks.offline')}
              {waiting > 0 && <> {t('walks.waiting', { count: waiting })}</>}
              {online && offlineReady && <> {t('walks.offlineReady')}</>}
            </p>
            <StatusMessage message={message} />
            {data.status === 'finished' ? (
              <p className="notice notice-info">
                {t('walks.finishedNoCapture')} <Link to={`/walks/${id}/report`}>{t('walks.toReport')}</Link>
              </p>
            ) : data.can_capture ? (
              <form className="walk-form" onSubmit={(e) => void submit(e)} noValidate>
                <div className="walk-map-frame">
                  <MapView
                    label={t('walks.mapLabel')}
                    describedBy="walk-point-status"
                    className={`walk-map ${errors.point ? 'map-invalid' : ''}`}
                    onReady={setMap}
                    search={false}
                    basemapLabels={false}
                    onKeyboardPoint={(p) => setPoint({ lon: roundCoordinate(p.lon), lat: roundCoordinate(p.lat) })}
                  />
                </div>
                <p id="walk-point-status" className="location-status" aria-live="polite" tabIndex={-1}>
                  {point
                    ? t('walks.pointChosen', { lat: format.coordinate(point.lat), lon: format.coordinate(point.lon) })
                    : t('walks.pointNone')}
                </p>
                {errors.point && !point && <p className="field-error">{errors.point}</p>}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={locateMe}
                  disabled={geoState === 'locating'}
                >
                  {geoState === 'locating' ? t('walks.locating') : t('walks.useMyPosition')}
                </button>
                {geoState === 'failed' && <p className="notice notice-warning">{t('walks.geoUnavailable')}</p>}
                <Field
                  id="walk-item"
                  label={t('walks.item')}
                  error={errors.item && !itemId ? errors.item : undefined}
                  required
                >
                  {(aria) => (
                    <select {...aria} value={itemId} onChange={(e) => setItemId(e.target.value)}>
                      <option value="">{t('walks.itemNone')}</option>
                      {(['outdoor', 'indoor'] as const).map((setting) => (
                        <optgroup key={setting} label={t(`walks.setting.${setting}`)}>
                          {items
                            .filter((i) => i.active && i.setting === setting)
                            .map((i) => (
                              <option key={i.id} value={i.id}>
                                {i18n.language === 'en' ? i.label_en : i.label}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  )}
                </Field>
                <RadioGroup
                  name="severity"
                  idPrefix="walk-severity"
                  legend={t('walks.severityLegend')}
                  value={severity}
                  options={SEVERITIES.map((s) => ({ value: s, label: t(`walks.severity.${s}`) }))}
                  onChange={setSeverity}
                  className="walk-severity"
                />
                <Field id="walk-note" label={t('walks.note')} hint={t('walks.noteHint')}>
                  {(aria) => (
                    <textarea
                      {...aria}
                      rows={3}
                      maxLength={1000}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                  )}
                </Field>
                <Field id="walk-photo" label={t('walks.photo')} hint={t('walks.photoHint')} error={errors.photo}>
                  {(aria) => (
                    <input
                      {...aria}
                      key={photoKey}
                      type="file"
                      accept={PHOTO_ACCEPT}
                      capture="environment"
                      onChange={(e) => choosePhoto(e.target.files?.[0] ?? null)}
                    />
                  )}
                </Field>
                <button type="submit" className="button">
                  {t('walks.save')}
                </button>
              </form>
            ) : null}
            <section aria-labelledby="walk-observations">
              <h2 id="walk-observations">
                {t('walks.observations')} ({listed.length})
              </h2>
              {listed.length === 0 ? (
                <p>{t('walks.noObservations')}</p>
              ) : (
                <ul className="walk-observation-list">
                  {listed.map((o) => (
                    <li key={o.id} className={o.pending ? 'is-pending' : undefined}>
                      <span className={`severity-dot severity-${o.severity}`} aria-hidden="true" />
                      <strong>{label(o.itemId)}</strong> · {t(`walks.severity.${o.severity}`)}
                      {o.photo && <> · {t('walks.withPhoto')}</>}
                      {o.note && <span className="walk-note">{o.note}</span>}
                      {o.pending && !o.refused && <span className="badge">{t('walks.pending')}</span>}
                      {o.refused && (
                        <span className="field-error">
                          {t('walks.refused', { reason: i18n.language === 'en' ? o.refused.en : o.refused.sv })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <EarlierObservations walkId={id} canAnswer={data.can_capture} />
            {data.can_capture && (
              <div className="walk-finish">
                {finishError && (
                  <p className="notice notice-warning" role="alert">
                    {finishError}
                  </p>
                )}
                <button type="button" className="button button-secondary" onClick={() => void finish()}>
                  {t('walks.finish')}
                </button>
              </div>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
