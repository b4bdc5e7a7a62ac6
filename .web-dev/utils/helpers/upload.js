import env from "$/env.json";
import { parseJson } from "$/utils/helpers/json";

/**
 * Upload files to the server.
 *
 * @param state The state to apply the delta to.
 * @param handler The handler to use.
 * @param upload_id The upload id to use.
 * @param on_upload_progress The function to call on upload progress.
 * @param extra_headers Extra headers to send with the request.
 * @param extra_args Extra bound handler args to forward to the backend handler.
 * @param socket the websocket connection
 * @param refs The refs object to store the abort controller in.
 * @param getBackendURL Function to get the backend URL.
 * @param getToken Function to get the Reflex token.
 *
 * @returns The response from posting to the UPLOADURL endpoint.
 */
export const uploadFiles = async (
  handler,
  files,
  upload_id,
  on_upload_progress,
  extra_headers,
  extra_args,
  socket,
  refs,
  getBackendURL,
  getToken,
) => {
  files = files ?? [];

  const upload_ref_name = `__upload_controllers_${upload_id}`;

  if (refs[upload_ref_name]) {
    console.log("Upload already in progress for ", upload_id);
    return false;
  }

  // Track how many partial updates have been processed for this upload.
  let resp_idx = 0;
  const eventHandler = (progressEvent) => {
    const event_callbacks = socket._callbacks.$event;
    // Whenever called, responseText will contain the entire response so far.
    const chunks = progressEvent.event.target.responseText.trim().split("\n");
    // So only process _new_ chunks beyond resp_idx.
    chunks.slice(resp_idx).map((chunk_json) => {
      try {
        const chunk = parseJson(chunk_json);
        event_callbacks.map((f, ix) => {
          f(chunk)
            .then(() => {
              if (ix === event_callbacks.length - 1) {
                // Mark this chunk as processed.
                resp_idx += 1;
              }
            })
            .catch((e) => {
              if (progressEvent.progress === 1) {
                // Chunk may be incomplete, so only report errors when full response is available.
                console.log("Error processing chunk", chunk, e);
              }
              return;
            });
        });
      } catch (e) {
        if (progressEvent.progress === 1) {
          console.log("Error parsing chunk", chunk_json, e);
        }
        return;
      }
    });
  };

  const controller = new AbortController();
  const formdata = new FormData();

  // Bound handler args are sent as a JSON form field that must precede the
  // files, so the streaming chunk parser reads it before the first file part.
  // Field name kept in sync with UPLOAD_EVENT_ARGS_FIELD in _upload.py.
  if (extra_args && Object.keys(extra_args).length > 0) {
    formdata.append("__reflex_event_args", JSON.stringify(extra_args));
  }

  // Add the token and handler to the file name.
  files.forEach((file) => {
    formdata.append("files", file, file.path || file.name);
  });

  // Send the file to the server.
  refs[upload_ref_name] = controller;

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();

    // Set up event handlers
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({
          data: xhr.responseText,
          status: xhr.status,
          statusText: xhr.statusText,
          headers: {
            get: (name) => xhr.getResponseHeader(name),
          },
        });
      } else {
        reject(new Error(`HTTP error! status: ${xhr.status}`));
      }
    };

    xhr.onerror = function () {
      reject(new Error("Network error"));
    };

    xhr.onabort = function () {
      reject(new Error("Upload aborted"));
    };

    // Handle upload progress
    if (on_upload_progress) {
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) {
          const progressEvent = {
            loaded: event.loaded,
            total: event.total,
            progress: event.loaded / event.total,
          };
          on_upload_progress(progressEvent);
        }
      };
    }

    // Handle download progress with streaming response parsing
    xhr.onprogress = function (event) {
      if (eventHandler) {
        const progressEvent = {
          event: {
            target: {
              responseText: xhr.responseText,
            },
          },
          progress: event.lengthComputable ? event.loaded / event.total : 0,
        };
        eventHandler(progressEvent);
      }
    };

    // Handle abort controller
    controller.signal.addEventListener("abort", () => {
      xhr.abort();
    });

    // Configure and send request
    xhr.open("POST", getBackendURL(env.UPLOAD));
    xhr.setRequestHeader("Reflex-Client-Token", getToken());
    xhr.setRequestHeader("Reflex-Event-Handler", handler);
    // Instrumentation hook (installed by reflex-otel): may add trace headers.
    const trace_headers = {};
    window.__reflex_otel?.onUploadSend?.(handler, trace_headers);
    for (const [key, value] of Object.entries(trace_headers)) {
      xhr.setRequestHeader(key, value);
    }
    for (const [key, value] of Object.entries(extra_headers || {})) {
      xhr.setRequestHeader(key, value);
    }

    try {
      xhr.send(formdata);
    } catch (error) {
      reject(error);
    }
  })
    .catch((error) => {
      console.log("Upload error:", error.message);
      return false;
    })
    .finally(() => {
      delete refs[upload_ref_name];
    });
};
