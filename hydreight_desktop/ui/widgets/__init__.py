"""The UI kit the screens are built from (all service calls go through ``ctx.call``).

- ``list_panel.ListPanel``: search as you type (in memory, or debounced for SQL search),
  sortable table, Export (CSV), count, empty-state hint, Ctrl+F / Ctrl+N / Enter.
- ``record_list.RecordList``: a ListPanel over records loaded by one service call.
- ``table_model``: ``Column`` and ``RecordTableModel`` (rows are plain records).
- ``forms``: ``Form`` (rows with live checks, red hints, the service's refusal under the
  field it names), ``FormDialog`` (Save enabled when valid, Ctrl+S, stays open on refusal),
  ``Saver``, ``rule()`` to reuse a domain validator as a check.
- ``account_fields``: email typed twice with the clinic's warning, fixed email with the
  reason, password twice, phone in the business's region.
- ``zone_combo.ZoneCombo``, ``money.MoneyEdit``, ``inputs`` (percent, minutes, optional
  override), ``hours_editor.WeeklyHoursEditor``, ``vacations_editor.VacationsEditor``.
- ``header`` (page title, notes), ``busy.BusyBar``, ``scroll.PageScrollArea``,
  ``wrap_label.WrapLabel``, ``messages`` (errors and confirmations).
"""
