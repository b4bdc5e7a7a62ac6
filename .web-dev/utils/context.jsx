import { useContext, useMemo, useState, createElement, useEffect } from "react"
import { applyDelta, ReflexEvent, hydrateClientStorage, useEventLoop, refs } from "$/utils/state"
import { ColorModeContext, UploadFilesContext, DispatchContext, EventLoopContext, StateStoreContext, registerApp, eventLoop } from "$/utils/context-registry"
import { jsx } from "@emotion/react";

export { ColorModeContext, UploadFilesContext, DispatchContext, EventLoopContext, StateStoreContext };
export const initialState = {"reflex___state____state": {"is_hydrated_rx_state_": false, "rx_router_headers_rx_state_": {"host": "", "origin": "", "upgrade": "", "connection": "", "pragma": "", "cache_control": "", "user_agent": "", "sec_websocket_version": "", "sec_websocket_key": "", "sec_websocket_extensions": "", "accept_encoding": "", "accept_language": "", "raw_headers": {}}, "rx_router_page_rx_state_": {"host": "", "path": "", "raw_path": "", "full_path": "", "full_raw_path": "", "params": {}}, "rx_router_route_id_rx_state_": "", "rx_router_session_rx_state_": {"client_token": "", "client_ip": "", "session_id": ""}, "rx_router_url_rx_state_": {"scheme": "", "netloc": "", "origin": "://", "path": "", "query": "", "query_parameters": {}, "fragment": "", "href": ""}}, "reflex___state____state.pwa___state___session____session_state": {"device_nonce_rx_state_": "", "lang_rx_state_": "vi", "logged_in_rx_state_": false}, "reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state": {"code_rx_state_": "", "error_rx_state_": "", "go_to_rx_state_": "", "info_rx_state_": "", "step_rx_state_": "code", "warning_rx_state_": "", "wipe_rx_state_": false}, "reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state": {"error_rx_state_": "", "find_error_rx_state_": "", "items_rx_state_": [], "kind_rx_state_": "facilities", "matches_rx_state_": [], "note_rx_state_": "", "page_rx_state_": 1, "pages_rx_state_": 1, "province_rx_state_": "", "provinces_rx_state_": [], "query_rx_state_": "", "total_rx_state_": 0}, "reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state": {}, "reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____home_state": {"has_passkey_rx_state_": true}, "reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____offline_page_state": {}, "reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state": {"profile_rx_state_": {}}, "reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state": {"device_rx_state_": {}, "events_rx_state_": [], "keys_rx_state_": []}, "reflex___state____state.reflex___istate___shared____shared_state_base_internal": {}, "reflex___state____state.reflex___state____frontend_event_exception_state": {}, "reflex___state____state.reflex___state____on_load_internal_state": {}, "reflex___state____state.reflex___state____update_vars_internal_state": {}}
export const initialStateHashes = ["9b8ed79e94c9c217", "d029e8db883816fc", "bb8f19256be34a7d", "70eec6fe0c44639d", "ceca3a852faf76b6", "bf21a9e8fbc5a384", "47180617bd8d702b", "bf21a9e8fbc5a384", "4e57af674403ceb6", "91e65e63472e178b", "bf21a9e8fbc5a384", "bf21a9e8fbc5a384", "bf21a9e8fbc5a384", "bf21a9e8fbc5a384"]
export const stateSchema = "535c6d9168f3db0b6ea3b209f9ae5dda"

export const defaultColorMode = "system"
export const clientStorage = {"cookies": {}, "local_storage": {}, "session_storage": {}}


export const state_name = "reflex___state____state"

export const exception_state_name = "reflex___state____state.reflex___state____frontend_event_exception_state"

// Tracked cookie and local storage vars set in the browser, or undefined if none.
const clientStorageVars = () => {
    const client_storage_vars = hydrateClientStorage(clientStorage);
    if (client_storage_vars && Object.keys(client_storage_vars).length !== 0) {
        return client_storage_vars;
    }
    return undefined;
}

// These events are triggered on each client-side page navigation.
export const onLoadInternalEvent = () => {
    const internal_events = [];

    // Only send the client storage vars if any are actually set in the browser.
    const client_storage_vars = clientStorageVars();
    if (client_storage_vars !== undefined) {
        internal_events.push(
            ReflexEvent(
                'reflex___state____state.reflex___state____update_vars_internal_state.update_vars_internal',
                {vars: client_storage_vars},
            ),
        );
    }

    // `on_load_internal` triggers the correct on_load event(s) for the current page.
    // If the page does not define any on_load event, this will just set `is_hydrated = true`.
    internal_events.push(ReflexEvent('reflex___state____state.reflex___state____on_load_internal_state.on_load_internal'));

    return internal_events;
}

// The single event sent when the websocket connects or reconnects: it resets and
// applies client storage, sends the state, and queues the page's on_load events.
// On the first connect the frontend still holds the compiled defaults, so it
// sends their hashes and the backend only returns the vars that differ; any
// later (re)hydrate gets the full state.
export const initialEvents = (first = false) => {
    const client_storage_vars = clientStorageVars();
    const payload = {};
    if (client_storage_vars !== undefined) {
        payload["vars"] = client_storage_vars;
    }
    if (first) {
        payload["hashes"] = initialStateHashes;
    }
    return [ReflexEvent('reflex___state____state.hydrate_and_load', payload)];
}
    

export const isDevMode = false;

// The static runtime reads these through the registry, so this module is the
// only one Vite re-executes when they change.
registerApp({
  initialState,
  clientStorage,
  state_name,
  stateSchema,
  exception_state_name,
  onLoadInternalEvent,
  initialEvents,
  isDevMode,
  defaultColorMode,
});

export function addEvents(events, args, event_actions) {
  return eventLoop.addEvents(events, args, event_actions);
}

export function getConnectErrors() {
  return eventLoop.connectErrors;
}

export function UploadFilesProvider({ children }) {
  const [filesById, setFilesById] = useState({})
  refs["__clear_selected_files"] = (id) => setFilesById(filesById => {
    const newFilesById = {...filesById}
    delete newFilesById[id]
    return newFilesById
  })
  return createElement(
    UploadFilesContext.Provider,
    { value: [filesById, setFilesById] },
    children
  );
}

// ``displayName`` is what React DevTools shows for the wrapper; without it
// every client-only component in the tree renders as ``Anonymous``.
export function ClientSide(component, name) {
  function ClientSideComponent({ children, ...props }) {
    const [Component, setComponent] = useState(null);
    useEffect(() => {
      async function load() {
        const comp = await component();
        setComponent(() => comp);
      }
      load();
    }, []);
    return Component ? jsx(Component, props, children) : null;
  }
  ClientSideComponent.displayName = name ? `ClientSide(${name})` : "ClientSide";
  return ClientSideComponent;
}

export function EventLoopProvider({ children }) {
  const dispatch = useContext(DispatchContext)
  const [addEventsLocal, connectErrors] = useEventLoop(
    dispatch,
    initialEvents,
    clientStorage,
  )
  // Publish the dispatchers so JSX literals constructed outside the
  // React-tree path (e.g. ``ErrorBoundary.onError``) can call ``addEvents``.
  eventLoop.addEvents = addEventsLocal;
  eventLoop.connectErrors = connectErrors;
  return useMemo(
    () =>
      createElement(
        EventLoopContext.Provider,
        { value: [addEventsLocal, connectErrors] },
        children
      ),
    [addEventsLocal, connectErrors, children],
  );
}

// Dispatch updates happen outside render; useSyncExternalStore keeps reads
// consistent while notifying only consumers of the changed substate.
function createStateStore(initialState) {
  const state = {};
  const listeners = new Map();
  const dispatchers = {};
  const notify = (substateName) =>
    listeners.get(substateName)?.forEach((listener) => listener());
  // Hot reload passes the recompiled initial state: new substates are added,
  // and existing substates gain new fields at their defaults while keeping
  // their live values.
  const mergeInitialState = (nextInitialState) => {
    for (const [substateName, value] of Object.entries(nextInitialState)) {
      const liveState = state[substateName];
      if (liveState !== undefined) {
        if (Object.keys(value).some((key) => !Object.hasOwn(liveState, key))) {
          state[substateName] = { ...value, ...liveState };
          notify(substateName);
        }
        continue;
      }
      state[substateName] = value;
      dispatchers[substateName] = (delta) => {
        const currentState = state[substateName];
        const nextState = applyDelta(currentState, delta);
        if (nextState === currentState) return;
        state[substateName] = nextState;
        notify(substateName);
      };
      notify(substateName);
    }
  };
  mergeInitialState(initialState);

  return {
    dispatchers,
    mergeInitialState,
    getSnapshot: (substateName) => state[substateName],
    subscribe: (substateName, listener) => {
      let substateListeners = listeners.get(substateName);
      if (!substateListeners) {
        substateListeners = new Set();
        listeners.set(substateName, substateListeners);
      }
      substateListeners.add(listener);
      return () => substateListeners.delete(listener);
    },
  };
}

function StateStoreProviders({ children, store }) {
  return createElement(
    StateStoreContext,
    { value: store },
    createElement(DispatchContext, { value: store.dispatchers }, children),
  );
}

function ClientStateProvider({ children }) {
  const [store] = useState(() => createStateStore(initialState));
  useEffect(() => store.mergeInitialState(initialState), [store, initialState]);
  return createElement(StateStoreProviders, { children, store });
}

// The server renders once and never applies a delta, so it only reads the
// initial state.
const serverStateStore = {
  dispatchers: {},
  getSnapshot: (substateName) => initialState[substateName],
  subscribe: () => () => {},
};

function ServerStateProvider({ children }) {
  return createElement(StateStoreProviders, { children, store: serverStateStore });
}

export const StateProvider =
  typeof document === "undefined" ? ServerStateProvider : ClientStateProvider;