import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import L from 'leaflet';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WALK_GROUPS } from '../../../domain/walks.js';
import { endpoints } from '../../api/endpoints.js';
import { useUnits } from '../../api/use-reference-data.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useToday } from '../../components/time-zone.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { Field } from '../../forms/Field.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { roundCoordinate } from '../../components/use-device-position.js';
import { latLngs, useWalks } from './use-walks.js';
import './walks.css';

/** The walks of the caller's units, and for those who plan, a form to plan one with its route on the map. */
export function WalksPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const walks = useWalks();
  useDocumentTitle(t('walks.title'));
  const me = session.data;
  return (
    <div className="page walks">
      <h1>{t('walks.title')}</h1>
      <p className="lead">{t('walks.intro')}</p>
      {allows(me, 'walks:checklist') && (
        <p>
          <Link to="/walks/checklist">{t('walks.checklistLink')}</Link>
        </p>
      )}
      <section aria-labelledby="walks-list">
        <h2 id="walks-list">{t('walks.list.heading')}</h2>
        <QueryState isPending={walks.isPending} error={walks.error} onRetry={() => void walks.refetch()}>
          {walks.data?.walks.length === 0 && <p>{t('walks.none')}</p>}
          <ul className="walk-list">
            {walks.data?.walks.map((w) => (
              <li key={w.id}>
                <strong>{w.title}</strong> <span className="badge">{t(`walks.status.${w.status}`)}</span>
                <br />
                {t('walks.list.when', { day: format.longDay(w.walk_date), area: w.area.name })} ·{' '}
                {t('walks.list.count', { count: w.observation_count })}
                <br />
                {w.can_capture && (
                  <>
                    <Link to={`/walks/${w.id}/capture`}>
                      {t('walks.capture')}
                      <span className="visually-hidden">: {w.title}</span>
                    </Link>{' '}
                    ·{' '}
                  </>
                )}
                <Link to={`/walks/${w.id}/report`}>
                  {t('walks.report')}
                  <span className="visually-hidden">: {w.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        </QueryState>
      </section>
      {allows(me, 'walks:plan') && <PlanWalkForm />}
    </div>
  );
}

function PlanWalkForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useSession();
  const units = useUnits();
  const today = useToday();
  const areas = useQuery({
    queryKey: ['areas', 'walkable', today],
    queryFn: async () => [
      ...(await endpoints.areas({ level: 'district' })),
      ...(await endpoints.areas({ level: 'neighbourhood' })),
    ],
    staleTime: 3_600_000,
  });
  const memberships = session.data?.memberships ?? [];
  const isAdmin = memberships.some((m) => m.role === 'admin');
  const ownUnits = isAdmin
    ? units
    : units.filter((u) =>
        memberships.some((m) => m.unit_id === u.id && (m.role === 'coordinator' || m.role === 'unit_editor')),
      );
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [areaId, setAreaId] = useState('');
  const [date, setDate] = useState(today);
  const [invited, setInvited] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [route, setRoute] = useState<Array<[number, number]>>([]);
  const [map, setMap] = useState<L.Map | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosenUnit = unitId || ownUnits[0]?.id || '';

  const sortedAreas = useMemo(
    () => [...(areas.data ?? [])].sort((a, b) => a.level.localeCompare(b.level) || a.name.localeCompare(b.name, 'sv')),
    [areas.data],
  );

  useEffect(() => {
    if (!map) return;
    const click = (e: L.LeafletMouseEvent) =>
      setRoute((r) => [...r, [roundCoordinate(e.latlng.lng), roundCoordinate(e.latlng.lat)]]);
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map]);
  useMapLayer(
    map,
    () =>
      route.length > 0
        ? L.polyline(latLngs(route), { color: '#1f3a5f', weight: 4, dashArray: '8 6', interactive: false })
        : null,
    [route],
  );
  // The chosen area's extent: the route is drawn where the walk is.
  const area = sortedAreas.find((a) => a.id === areaId);
  useEffect(() => {
    if (map && area)
      map.fitBounds([
        [area.bbox[1], area.bbox[0]],
        [area.bbox[3], area.bbox[2]],
      ]);
  }, [map, area]);

  const create = useMutation({
    mutationFn: () =>
      api.create({
        title,
        unit_id: chosenUnit,
        area_id: areaId,
        walk_date: date,
        invited_unit_ids: invited,
        groups: groups as never,
        ...(route.length >= 2 ? { route: { type: 'LineString' as const, coordinates: route } } : {}),
      }),
    onSuccess: async (walk) => {
      setDone(t('walks.plan.done', { title: walk.title }));
      setTitle('');
      setRoute([]);
      setInvited([]);
      setGroups([]);
      await queryClient.invalidateQueries({ queryKey: ['walks'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate();
  };

  return (
    <section aria-labelledby="walk-plan">
      <h2 id="walk-plan">{t('walks.plan.heading')}</h2>
      <StatusMessage message={done} />
      {create.error && (
        <p className="notice notice-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <form className="walk-plan-form" onSubmit={submit}>
        <Field id="walk-title" label={t('walks.plan.title')} required>
          {(aria) => (
            <input {...aria} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          )}
        </Field>
        <Field id="walk-unit" label={t('walks.plan.unit')} required>
          {(aria) => (
            <select {...aria} required value={chosenUnit} onChange={(e) => setUnitId(e.target.value)}>
              {ownUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="walk-area" label={t('walks.plan.area')} required>
          {(aria) => (
            <select {...aria} required value={areaId} onChange={(e) => setAreaId(e.target.value)}>
              <option value="" />
              {sortedAreas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="walk-date" label={t('walks.plan.date')} required>
          {(aria) => <input {...aria} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <CheckboxGroup
          id="walk-groups"
          legend={t('walks.plan.groups')}
          options={WALK_GROUPS.map((g) => ({ value: g, label: t(`walks.groups.${g}`) }))}
          values={groups}
          onChange={setGroups}
        />
        <div className="walk-invited">
          <CheckboxGroup
            id="walk-invited"
            legend={t('walks.plan.invited')}
            options={units.filter((u) => u.id !== chosenUnit).map((u) => ({ value: u.id, label: u.name }))}
            values={invited}
            onChange={setInvited}
          />
        </div>
        <fieldset className="walk-route">
          <legend>{t('walks.plan.route')}</legend>
          <p id="walk-route-hint" className="hint">
            {t('walks.plan.routeHint')}
          </p>
          <MapView
            label={t('walks.plan.mapLabel')}
            describedBy="walk-route-hint walk-route-status"
            className="walk-map"
            onReady={setMap}
            search={false}
            basemapLabels={false}
            onKeyboardPoint={(p) => setRoute((r) => [...r, [roundCoordinate(p.lon), roundCoordinate(p.lat)]])}
          />
          <p id="walk-route-status" aria-live="polite">
            {route.length ? t('walks.plan.routePoints', { count: route.length }) : t('walks.plan.routeNone')}
          </p>
          {route.length > 0 && (
            <button type="button" className="button button-secondary" onClick={() => setRoute([])}>
              {t('walks.plan.clearRoute')}
            </button>
          )}
        </fieldset>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('walks.plan.submit')}
        </button>
      </form>
    </section>
  );
}
