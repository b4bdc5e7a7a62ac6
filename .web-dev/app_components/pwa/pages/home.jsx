
import {ReflexEvent,applyEventActions,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate,PasskeyCreate} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"








export const Doctitle_doctitle_df898506628cbb8588709cba960609f3_a5f06de4 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_df898506628cbb8588709cba960609f3_a5f06de4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Home") }))},)
    )
});
Doctitle_doctitle_df898506628cbb8588709cba960609f3_a5f06de4.displayName = "DocTitle";
return Doctitle_doctitle_df898506628cbb8588709cba960609f3_a5f06de4;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_a5f06de4 = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_a5f06de4 = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_a5f06de4.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_a5f06de4;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_a5f06de4.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_a5f06de4;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_a5f06de4.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_a5f06de4;
})();

export const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Home")
    )
});
Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_a5f06de4.displayName = "Bare";
return Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_a5f06de4;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_a5f06de4.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_a5f06de4;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_a5f06de4 = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_a5f06de4.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_a5f06de4;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_a5f06de4 = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_a5f06de4 = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_a5f06de4.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_a5f06de4;
})();

export const Bare_comp_1f4eb5b05d8a07946cb43af44fe1d36d_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_1f4eb5b05d8a07946cb43af44fe1d36d_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Faster, safer login")
    )
});
Bare_comp_1f4eb5b05d8a07946cb43af44fe1d36d_a5f06de4.displayName = "Bare";
return Bare_comp_1f4eb5b05d8a07946cb43af44fe1d36d_a5f06de4;
})();

export const Bare_comp_dafdd016dced06e0600f9b67510a9da8_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_dafdd016dced06e0600f9b67510a9da8_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Create a passkey: next time you log in on this phone with your fingerprint, face or screen lock, without waiting for an SMS.")
    )
});
Bare_comp_dafdd016dced06e0600f9b67510a9da8_a5f06de4.displayName = "Bare";
return Bare_comp_dafdd016dced06e0600f9b67510a9da8_a5f06de4;
})();

export const Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_a5f06de4 = /*#__PURE__*/ (() => {
const Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_a5f06de4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(PasskeyCreate,{...mergeSlotProps(rest, ({ hidden:false, label:__t("Create a passkey") }))},)
    )
});
Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_a5f06de4.displayName = "PasskeyCreate";
return Passkeycreate_passkeycreate_7383fb368dca1604ee8e74f8749295b9_a5f06de4;
})();

export const Cond_comp_4c61092284467cb0ce5fb2f1bc6dab6e_a5f06de4 = /*#__PURE__*/ (() => {
const Cond_comp_4c61092284467cb0ce5fb2f1bc6dab6e_a5f06de4 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____home_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____home_state")
    return(
        (!(reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____home_state.has_passkey_rx_state_)?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_4c61092284467cb0ce5fb2f1bc6dab6e_a5f06de4.displayName = "Cond";
return Cond_comp_4c61092284467cb0ce5fb2f1bc6dab6e_a5f06de4;
})();

export const Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Health-insurance card")
    )
});
Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_a5f06de4.displayName = "Bare";
return Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_a5f06de4;
})();

export const Bare_comp_c741a8ebed853821de2a8ab982e16127_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_c741a8ebed853821de2a8ab982e16127_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Show it at the clinic, offline too")
    )
});
Bare_comp_c741a8ebed853821de2a8ab982e16127_a5f06de4.displayName = "Bare";
return Bare_comp_c741a8ebed853821de2a8ab982e16127_a5f06de4;
})();

export const Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Participation history")
    )
});
Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_a5f06de4.displayName = "Bare";
return Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_a5f06de4;
})();

export const Bare_comp_581f75a8390c702ce9762e076b3e62eb_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_581f75a8390c702ce9762e076b3e62eb_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("BHXH, BHTN, BHTNLĐ, BHYT")
    )
});
Bare_comp_581f75a8390c702ce9762e076b3e62eb_a5f06de4.displayName = "Bare";
return Bare_comp_581f75a8390c702ce9762e076b3e62eb_a5f06de4;
})();

export const Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Benefits")
    )
});
Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_a5f06de4.displayName = "Bare";
return Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_a5f06de4;
})();

export const Bare_comp_3b1e84e71f04270dd1229d5470070dde_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_3b1e84e71f04270dd1229d5470070dde_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Pension, sickness, maternity")
    )
});
Bare_comp_3b1e84e71f04270dd1229d5470070dde_a5f06de4.displayName = "Bare";
return Bare_comp_3b1e84e71f04270dd1229d5470070dde_a5f06de4;
})();

export const Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Medical history")
    )
});
Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_a5f06de4.displayName = "Bare";
return Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_a5f06de4;
})();

export const Bare_comp_38af475d3b76b2ac837ad3efc8abce92_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_38af475d3b76b2ac837ad3efc8abce92_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Visits, costs, papers")
    )
});
Bare_comp_38af475d3b76b2ac837ad3efc8abce92_a5f06de4.displayName = "Bare";
return Bare_comp_38af475d3b76b2ac837ad3efc8abce92_a5f06de4;
})();

export const Bare_comp_f3443fa58da645f10fcfea62de20e760_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_f3443fa58da645f10fcfea62de20e760_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Notices")
    )
});
Bare_comp_f3443fa58da645f10fcfea62de20e760_a5f06de4.displayName = "Bare";
return Bare_comp_f3443fa58da645f10fcfea62de20e760_a5f06de4;
})();

export const Bare_comp_3326c52ffa48890fa15617161d0a2e1c_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_3326c52ffa48890fa15617161d0a2e1c_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card, contributions, new costs")
    )
});
Bare_comp_3326c52ffa48890fa15617161d0a2e1c_a5f06de4.displayName = "Bare";
return Bare_comp_3326c52ffa48890fa15617161d0a2e1c_a5f06de4;
})();

export const Bare_comp_6fae75016c746c67085143007ab19f2d_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_6fae75016c746c67085143007ab19f2d_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Service requests")
    )
});
Bare_comp_6fae75016c746c67085143007ab19f2d_a5f06de4.displayName = "Bare";
return Bare_comp_6fae75016c746c67085143007ab19f2d_a5f06de4;
})();

export const Bare_comp_d29fc33306b1be2ad7eb82581a5043d0_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_d29fc33306b1be2ad7eb82581a5043d0_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Drafts, saved offline too")
    )
});
Bare_comp_d29fc33306b1be2ad7eb82581a5043d0_a5f06de4.displayName = "Bare";
return Bare_comp_d29fc33306b1be2ad7eb82581a5043d0_a5f06de4;
})();

export const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Look-ups")
    )
});
Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_a5f06de4.displayName = "Bare";
return Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_a5f06de4;
})();

export const Bare_comp_c708f48863a1c055234a89da1f6973cb_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_c708f48863a1c055234a89da1f6973cb_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Clinics, agencies, employers")
    )
});
Bare_comp_c708f48863a1c055234a89da1f6973cb_a5f06de4.displayName = "Bare";
return Bare_comp_c708f48863a1c055234a89da1f6973cb_a5f06de4;
})();

export const Bare_comp_2ac9660884b2210868fcbd9599287c23_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_2ac9660884b2210868fcbd9599287c23_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Profile")
    )
});
Bare_comp_2ac9660884b2210868fcbd9599287c23_a5f06de4.displayName = "Bare";
return Bare_comp_2ac9660884b2210868fcbd9599287c23_a5f06de4;
})();

export const Bare_comp_dc499a3d513f002bd012ace3ec8861c3_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_dc499a3d513f002bd012ace3ec8861c3_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Your details, log out")
    )
});
Bare_comp_dc499a3d513f002bd012ace3ec8861c3_a5f06de4.displayName = "Bare";
return Bare_comp_dc499a3d513f002bd012ace3ec8861c3_a5f06de4;
})();

export const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Devices and security")
    )
});
Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_a5f06de4.displayName = "Bare";
return Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_a5f06de4;
})();

export const Bare_comp_396e2c9be1a337264d50889971abc2a6_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_396e2c9be1a337264d50889971abc2a6_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("This phone, recent logins")
    )
});
Bare_comp_396e2c9be1a337264d50889971abc2a6_a5f06de4.displayName = "Bare";
return Bare_comp_396e2c9be1a337264d50889971abc2a6_a5f06de4;
})();

export const Bare_comp_c81839c1da5da9830202f435139fd3a2_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_c81839c1da5da9830202f435139fd3a2_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card")
    )
});
Bare_comp_c81839c1da5da9830202f435139fd3a2_a5f06de4.displayName = "Bare";
return Bare_comp_c81839c1da5da9830202f435139fd3a2_a5f06de4;
})();

export const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_a5f06de4 = /*#__PURE__*/ (() => {
const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_a5f06de4 = memo(({children}) => {
    const __t = useT();
    return(
        __t("History")
    )
});
Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_a5f06de4.displayName = "Bare";
return Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_a5f06de4;
})();

export const Nav_nav_786403967867f586857bf3561239637b_a5f06de4 = /*#__PURE__*/ (() => {
const Nav_nav_786403967867f586857bf3561239637b_a5f06de4 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Main"), className:"bottomnav" }))},children)
    )
});
Nav_nav_786403967867f586857bf3561239637b_a5f06de4.displayName = "Nav";
return Nav_nav_786403967867f586857bf3561239637b_a5f06de4;
})();
