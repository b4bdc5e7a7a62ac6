
import {ReflexEvent,applyEventActions,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate,PasskeyCreate,SignOutDevice} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"








export const Doctitle_doctitle_3b580f53b8510653d208acc925775afe_d06af4b4 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_3b580f53b8510653d208acc925775afe_d06af4b4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Devices and security") }))},)
    )
});
Doctitle_doctitle_3b580f53b8510653d208acc925775afe_d06af4b4.displayName = "DocTitle";
return Doctitle_doctitle_3b580f53b8510653d208acc925775afe_d06af4b4;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_d06af4b4 = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_d06af4b4 = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_d06af4b4.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_d06af4b4;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_d06af4b4.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_d06af4b4;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_d06af4b4.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_d06af4b4;
})();

export const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Devices and security")
    )
});
Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_d06af4b4.displayName = "Bare";
return Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_d06af4b4;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_d06af4b4.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_d06af4b4;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_d06af4b4 = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_d06af4b4.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_d06af4b4;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_d06af4b4 = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_d06af4b4 = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_d06af4b4.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_d06af4b4;
})();

export const Bare_comp_253e812f01c2f8200b09593427b6141b_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_253e812f01c2f8200b09593427b6141b_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("This device")
    )
});
Bare_comp_253e812f01c2f8200b09593427b6141b_d06af4b4.displayName = "Bare";
return Bare_comp_253e812f01c2f8200b09593427b6141b_d06af4b4;
})();

export const Bare_comp_dd990759dbeeaec071e11532407076e2_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_dd990759dbeeaec071e11532407076e2_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Device")
    )
});
Bare_comp_dd990759dbeeaec071e11532407076e2_d06af4b4.displayName = "Bare";
return Bare_comp_dd990759dbeeaec071e11532407076e2_d06af4b4;
})();

export const Bare_comp_cb7c2fc989c8ff5099ce80f8b429e0b4_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_cb7c2fc989c8ff5099ce80f8b429e0b4_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.device_rx_state_?.["name"]
    )
});
Bare_comp_cb7c2fc989c8ff5099ce80f8b429e0b4_d06af4b4.displayName = "Bare";
return Bare_comp_cb7c2fc989c8ff5099ce80f8b429e0b4_d06af4b4;
})();

export const Bare_comp_9a988caf358807e3eab68d9e95b4dfae_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_9a988caf358807e3eab68d9e95b4dfae_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Bound to your account")
    )
});
Bare_comp_9a988caf358807e3eab68d9e95b4dfae_d06af4b4.displayName = "Bare";
return Bare_comp_9a988caf358807e3eab68d9e95b4dfae_d06af4b4;
})();

export const Bare_comp_a60616ad13b7e642598ada38d887f9af_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_a60616ad13b7e642598ada38d887f9af_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.device_rx_state_?.["bound"]
    )
});
Bare_comp_a60616ad13b7e642598ada38d887f9af_d06af4b4.displayName = "Bare";
return Bare_comp_a60616ad13b7e642598ada38d887f9af_d06af4b4;
})();

export const Bare_comp_ca238190eb0f74ed05de7488179a8f2b_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_ca238190eb0f74ed05de7488179a8f2b_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Last seen")
    )
});
Bare_comp_ca238190eb0f74ed05de7488179a8f2b_d06af4b4.displayName = "Bare";
return Bare_comp_ca238190eb0f74ed05de7488179a8f2b_d06af4b4;
})();

export const Bare_comp_1e38b92d8b64f743708bd1247cd9ef6b_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_1e38b92d8b64f743708bd1247cd9ef6b_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.device_rx_state_?.["last_seen"]
    )
});
Bare_comp_1e38b92d8b64f743708bd1247cd9ef6b_d06af4b4.displayName = "Bare";
return Bare_comp_1e38b92d8b64f743708bd1247cd9ef6b_d06af4b4;
})();

export const Bare_comp_f01e9d51711e56633cdc74c0740380ff_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_f01e9d51711e56633cdc74c0740380ff_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Your account works on one device at a time. Logging in on another phone signs this one out.")
    )
});
Bare_comp_f01e9d51711e56633cdc74c0740380ff_d06af4b4.displayName = "Bare";
return Bare_comp_f01e9d51711e56633cdc74c0740380ff_d06af4b4;
})();

export const Bare_comp_0f185f56e35d65f5ffa4882f1ad3bae4_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_0f185f56e35d65f5ffa4882f1ad3bae4_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Passkey")
    )
});
Bare_comp_0f185f56e35d65f5ffa4882f1ad3bae4_d06af4b4.displayName = "Bare";
return Bare_comp_0f185f56e35d65f5ffa4882f1ad3bae4_d06af4b4;
})();

export const Foreach_comp_6bc1a28d8559e0c97b9173030abe79d8_d06af4b4 = /*#__PURE__*/ (() => {
const Foreach_comp_6bc1a28d8559e0c97b9173030abe79d8_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
const __t = useT();
    return(
        Array.prototype.map.call(reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.keys_rx_state_ ?? [],((k_rx_state_,index_5965520caf5bf258c2b2e95cb66a5f53)=>(jsx("li",{key:index_5965520caf5bf258c2b2e95cb66a5f53},__t("Created {created}, last used {used}", {"created": k_rx_state_?.["created"], "used": k_rx_state_?.["last_used"]})))))
    )
});
Foreach_comp_6bc1a28d8559e0c97b9173030abe79d8_d06af4b4.displayName = "Foreach";
return Foreach_comp_6bc1a28d8559e0c97b9173030abe79d8_d06af4b4;
})();

export const Bare_comp_23ee879f80b8093dbf53e283a03b3ffe_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_23ee879f80b8093dbf53e283a03b3ffe_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("No passkey on this device yet.")
    )
});
Bare_comp_23ee879f80b8093dbf53e283a03b3ffe_d06af4b4.displayName = "Bare";
return Bare_comp_23ee879f80b8093dbf53e283a03b3ffe_d06af4b4;
})();

export const Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_d06af4b4 = /*#__PURE__*/ (() => {
const Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_d06af4b4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(PasskeyCreate,{...mergeSlotProps(rest, ({ hidden:false, label:__t("Create a passkey") }))},)
    )
});
Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_d06af4b4.displayName = "PasskeyCreate";
return Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_d06af4b4;
})();

export const Cond_comp_fcbe99d3ff5b0ce1bb0c635b8d4302d3_d06af4b4 = /*#__PURE__*/ (() => {
const Cond_comp_fcbe99d3ff5b0ce1bb0c635b8d4302d3_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
    return(
        ((reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.keys_rx_state_.length > 0)?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_fcbe99d3ff5b0ce1bb0c635b8d4302d3_d06af4b4.displayName = "Cond";
return Cond_comp_fcbe99d3ff5b0ce1bb0c635b8d4302d3_d06af4b4;
})();

export const Bare_comp_36e616cd8b38470e93f50503907d62b6_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_36e616cd8b38470e93f50503907d62b6_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Recent security events")
    )
});
Bare_comp_36e616cd8b38470e93f50503907d62b6_d06af4b4.displayName = "Bare";
return Bare_comp_36e616cd8b38470e93f50503907d62b6_d06af4b4;
})();

export const Bare_comp_cff3e449bf4ab6cb9afaa9c441c18c21_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_cff3e449bf4ab6cb9afaa9c441c18c21_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Check that you recognise every login. If not, sign this device out and call 1900 9068.")
    )
});
Bare_comp_cff3e449bf4ab6cb9afaa9c441c18c21_d06af4b4.displayName = "Bare";
return Bare_comp_cff3e449bf4ab6cb9afaa9c441c18c21_d06af4b4;
})();

export const Foreach_comp_21662c09bdd3d4d9bf2b6915d205f90d_d06af4b4 = /*#__PURE__*/ (() => {
const Foreach_comp_21662c09bdd3d4d9bf2b6915d205f90d_d06af4b4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____security_state")
    return(
        Array.prototype.map.call(reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____security_state.events_rx_state_ ?? [],((e_rx_state_,index_094d580f156bd7adfce845b6fbfbd781)=>(jsx("li",{className:(["device_moved_away", "foreign_session", "otp_locked", "sign_count_regression", "passkey_refused"].includes(e_rx_state_?.["kind"]) ? "alarm" : ""),key:index_094d580f156bd7adfce845b6fbfbd781},jsx("p",{className:"when"},e_rx_state_?.["when"]),jsx("p",{className:"what"},e_rx_state_?.["what"]),jsx("p",{className:"where"},e_rx_state_?.["device"]," ",e_rx_state_?.["client"])))))
    )
});
Foreach_comp_21662c09bdd3d4d9bf2b6915d205f90d_d06af4b4.displayName = "Foreach";
return Foreach_comp_21662c09bdd3d4d9bf2b6915d205f90d_d06af4b4;
})();

export const Signoutdevice_signoutdevice_202b109463a7690f57525f4fb631d978_d06af4b4 = /*#__PURE__*/ (() => {
const Signoutdevice_signoutdevice_202b109463a7690f57525f4fb631d978_d06af4b4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(SignOutDevice,{...mergeSlotProps(rest, ({ confirmText:__t("Sign out this device? The data stored on it will be deleted."), label:__t("Sign out this device") }))},)
    )
});
Signoutdevice_signoutdevice_202b109463a7690f57525f4fb631d978_d06af4b4.displayName = "SignOutDevice";
return Signoutdevice_signoutdevice_202b109463a7690f57525f4fb631d978_d06af4b4;
})();

export const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Home")
    )
});
Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_d06af4b4.displayName = "Bare";
return Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_d06af4b4;
})();

export const Bare_comp_c81839c1da5da9830202f435139fd3a2_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_c81839c1da5da9830202f435139fd3a2_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card")
    )
});
Bare_comp_c81839c1da5da9830202f435139fd3a2_d06af4b4.displayName = "Bare";
return Bare_comp_c81839c1da5da9830202f435139fd3a2_d06af4b4;
})();

export const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("History")
    )
});
Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_d06af4b4.displayName = "Bare";
return Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_d06af4b4;
})();

export const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Look-ups")
    )
});
Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_d06af4b4.displayName = "Bare";
return Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_d06af4b4;
})();

export const Bare_comp_2ac9660884b2210868fcbd9599287c23_d06af4b4 = /*#__PURE__*/ (() => {
const Bare_comp_2ac9660884b2210868fcbd9599287c23_d06af4b4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Profile")
    )
});
Bare_comp_2ac9660884b2210868fcbd9599287c23_d06af4b4.displayName = "Bare";
return Bare_comp_2ac9660884b2210868fcbd9599287c23_d06af4b4;
})();

export const Nav_nav_786403967867f586857bf3561239637b_d06af4b4 = /*#__PURE__*/ (() => {
const Nav_nav_786403967867f586857bf3561239637b_d06af4b4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Main"), className:"bottomnav" }))},children)
    )
});
Nav_nav_786403967867f586857bf3561239637b_d06af4b4.displayName = "Nav";
return Nav_nav_786403967867f586857bf3561239637b_d06af4b4;
})();
