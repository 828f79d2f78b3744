-- The stock ledger's postings as functions, so that a reservation or a dispatch is one round
-- trip: the item locks, the first-expiry-first-out pick and the ledger rows run in the
-- database, each statement with a fresh snapshot (READ COMMITTED), so the pick reads what the
-- lock protects. The rules are those of src/logistics/stock.service.ts, which calls these.

-- One movement: the batch's balance and the item's position change by the signed amounts only
-- if neither goes below zero nor reserves more than is on hand; the ledger row records the
-- position after it. False (nothing written) when the condition refuses it.
CREATE FUNCTION stock_post(
  p_unit integer, p_warehouse integer, p_item integer, p_batch integer, p_kind text, p_quantity integer,
  p_on_hand integer, p_reserved integer, p_user integer, p_at timestamptz, p_reason text,
  p_source_kind text, p_source_id integer, p_source_ref text, p_document_ref text, p_key text
) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_on_hand integer;
  v_reserved integer;
BEGIN
  UPDATE stock_balances SET on_hand = on_hand + p_on_hand, reserved = reserved + p_reserved
  WHERE batch_id = p_batch AND unit_id = p_unit
    AND on_hand + p_on_hand >= 0 AND reserved + p_reserved >= 0 AND reserved + p_reserved <= on_hand + p_on_hand;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  UPDATE stock_positions SET on_hand = on_hand + p_on_hand, reserved = reserved + p_reserved
  WHERE warehouse_id = p_warehouse AND item_id = p_item
  RETURNING on_hand, reserved INTO v_on_hand, v_reserved;
  INSERT INTO stock_movements (unit_id, warehouse_id, item_id, batch_id, kind, quantity, on_hand_change,
    reserved_change, on_hand_after, reserved_after, user_id, at, reason, source_kind, source_id, source_ref,
    document_ref, idempotency_key)
  VALUES (p_unit, p_warehouse, p_item, p_batch, p_kind, p_quantity, p_on_hand, p_reserved, v_on_hand, v_reserved,
    p_user, p_at, p_reason, p_source_kind, p_source_id, p_source_ref, p_document_ref, p_key);
  RETURN true;
END;
$$;
--> statement-breakpoint
-- Reserves quantities of items (ids ascending, no repeats) in a warehouse for a source. Locks
-- each item's position in id order, then picks first expiry first among batches not past their
-- expiry on the unit's day at p_now. Returns the allocations; or, when any item is short, only
-- rows naming each short item (batch_id NULL, wanted, available) and writes nothing. Raises
-- 'stock.not_found' for an item or warehouse not of the unit, 'stock.already_reserved' when
-- the source holds a reservation.
CREATE FUNCTION stock_reserve(
  p_unit integer, p_warehouse integer, p_items integer[], p_quantities integer[], p_now timestamptz,
  p_user integer, p_reason text, p_source_kind text, p_source_id integer, p_source_ref text
) RETURNS TABLE (item_id integer, batch_id integer, quantity integer, expires_on text, wanted integer, available integer)
LANGUAGE plpgsql AS $$
DECLARE
  v_today date;
  v_cycle integer;
  v_short boolean := false;
  v_left integer;
  v_free integer;
  v_take integer;
  i integer;
  b record;
  pick_batches integer[] := '{}';
  pick_items integer[] := '{}';
  pick_quantities integer[] := '{}';
  pick_expiry text[] := '{}';
BEGIN
  SELECT (p_now AT TIME ZONE u.time_zone)::date INTO v_today FROM units u WHERE u.id = p_unit;
  FOR i IN 1 .. coalesce(array_length(p_items, 1), 0) LOOP
    PERFORM 1 FROM stock_positions sp
      WHERE sp.warehouse_id = p_warehouse AND sp.item_id = p_items[i] AND sp.unit_id = p_unit FOR UPDATE;
    IF NOT FOUND THEN
      PERFORM 1 FROM stock_warehouses w, stock_items it
        WHERE w.id = p_warehouse AND w.unit_id = p_unit AND it.id = p_items[i] AND it.unit_id = p_unit;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'stock.not_found' USING ERRCODE = 'P0002', DETAIL = p_items[i]::text;
      END IF;
    END IF;
  END LOOP;
  -- Read under the locks, so that a concurrent reservation by the same source is seen.
  SELECT coalesce(sum(h.n), 0)::int, coalesce(bool_or(h.reserved > 0), false) INTO v_cycle, v_short
  FROM (SELECT m.batch_id, sum(m.reserved_change) AS reserved, count(*) AS n FROM stock_movements m
        WHERE m.unit_id = p_unit AND m.source_kind = p_source_kind AND m.source_id = p_source_id
        GROUP BY m.batch_id) h;
  IF v_short THEN
    RAISE EXCEPTION 'stock.already_reserved' USING ERRCODE = 'P0001';
  END IF;
  FOR i IN 1 .. coalesce(array_length(p_items, 1), 0) LOOP
    v_left := p_quantities[i];
    v_free := 0;
    FOR b IN
      SELECT bal.batch_id, bal.on_hand - bal.reserved AS free, bt.expires_on::text AS expires_on
      FROM stock_balances bal JOIN stock_batches bt ON bt.id = bal.batch_id
      WHERE bal.warehouse_id = p_warehouse AND bal.item_id = p_items[i] AND bal.unit_id = p_unit
        AND bal.on_hand > bal.reserved AND (bt.expires_on IS NULL OR bt.expires_on >= v_today)
      ORDER BY bt.expires_on NULLS LAST, bt.id
    LOOP
      v_free := v_free + b.free;
      IF v_left > 0 THEN
        v_take := least(v_left, b.free);
        pick_batches := pick_batches || b.batch_id;
        pick_items := pick_items || p_items[i];
        pick_quantities := pick_quantities || v_take;
        pick_expiry := pick_expiry || b.expires_on;
        v_left := v_left - v_take;
      END IF;
    END LOOP;
    IF v_left > 0 THEN
      v_short := true;
      item_id := p_items[i]; batch_id := NULL; quantity := 0; expires_on := NULL;
      wanted := p_quantities[i]; available := v_free;
      RETURN NEXT;
    END IF;
  END LOOP;
  IF v_short THEN
    RETURN;
  END IF;
  FOR i IN 1 .. coalesce(array_length(pick_batches, 1), 0) LOOP
    IF NOT stock_post(p_unit, p_warehouse, pick_items[i], pick_batches[i], 'reservation', pick_quantities[i],
        0, pick_quantities[i], p_user, p_now, p_reason, p_source_kind, p_source_id, p_source_ref, '',
        p_source_kind || ':' || p_source_id || ':reservation:' || pick_batches[i] || ':' || v_cycle) THEN
      RAISE EXCEPTION 'stock.insufficient' USING ERRCODE = 'P0001';
    END IF;
    item_id := pick_items[i]; batch_id := pick_batches[i]; quantity := pick_quantities[i];
    expires_on := pick_expiry[i]; wanted := NULL; available := NULL;
    RETURN NEXT;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Releases or dispatches ('release' | 'dispatch') everything a source holds reserved: locks its
-- items' positions in order, then posts per batch. Returns what moved (nothing: no rows).
CREATE FUNCTION stock_settle(
  p_unit integer, p_kind text, p_now timestamptz, p_user integer, p_reason text,
  p_source_kind text, p_source_id integer, p_source_ref text, p_document_ref text
) RETURNS TABLE (item_id integer, batch_id integer, quantity integer, expires_on text)
LANGUAGE plpgsql AS $$
DECLARE
  v_cycle integer;
  h record;
BEGIN
  PERFORM 1 FROM stock_positions sp
    WHERE (sp.warehouse_id, sp.item_id) IN (
      SELECT m.warehouse_id, m.item_id FROM stock_movements m
      WHERE m.unit_id = p_unit AND m.source_kind = p_source_kind AND m.source_id = p_source_id)
    ORDER BY sp.warehouse_id, sp.item_id FOR UPDATE;
  SELECT count(*)::int INTO v_cycle FROM stock_movements m
    WHERE m.unit_id = p_unit AND m.source_kind = p_source_kind AND m.source_id = p_source_id;
  FOR h IN
    SELECT m.batch_id, m.item_id, m.warehouse_id, bt.expires_on::text AS expires_on,
      sum(m.reserved_change)::int AS reserved
    FROM stock_movements m JOIN stock_batches bt ON bt.id = m.batch_id
    WHERE m.unit_id = p_unit AND m.source_kind = p_source_kind AND m.source_id = p_source_id
    GROUP BY m.batch_id, m.item_id, m.warehouse_id, bt.expires_on
    HAVING sum(m.reserved_change) > 0
    ORDER BY m.warehouse_id, m.item_id, bt.expires_on NULLS LAST, m.batch_id
  LOOP
    IF NOT stock_post(p_unit, h.warehouse_id, h.item_id, h.batch_id, p_kind, h.reserved,
        CASE WHEN p_kind = 'dispatch' THEN -h.reserved ELSE 0 END, -h.reserved, p_user, p_now, p_reason,
        p_source_kind, p_source_id, p_source_ref, p_document_ref,
        p_source_kind || ':' || p_source_id || ':' || p_kind || ':' || h.batch_id || ':' || v_cycle) THEN
      RAISE EXCEPTION 'stock.insufficient' USING ERRCODE = 'P0001';
    END IF;
    item_id := h.item_id; batch_id := h.batch_id; quantity := h.reserved; expires_on := h.expires_on;
    RETURN NEXT;
  END LOOP;
END;
$$;
