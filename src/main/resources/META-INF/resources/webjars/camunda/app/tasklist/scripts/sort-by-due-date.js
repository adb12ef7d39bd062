/*
 * Blijvend Veilig: Tasklist opens every filter sorted by due date, ascending (nearest deadline first).
 * Tasklist keeps the sorting in the address (?sorting=...) and falls back to "created, newest first";
 * when the address names no sorting, this adds the due date, so the filters' own order holds.
 */
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateWhenUnsorted() {
  const hash = window.location.hash || '#/';
  const [route, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  if (params.has('sorting') || (route !== '#/' && route !== '#')) {
    return;
  }
  params.set('sorting', DUE_DATE_FIRST);
  window.location.replace(route + '?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDateWhenUnsorted);
sortByDueDateWhenUnsorted();

export default [];
