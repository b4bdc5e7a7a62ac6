
import {ReflexEvent,applyEventActions,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"








export const Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Health-insurance card") }))},)
    )
});
Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_12b8a73b597f0f7b6944cf34ae89ba92_34a5b847;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847 = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847 = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_34a5b847;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_34a5b847;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_34a5b847;
})();

export const Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Health-insurance card")
    )
});
Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847.displayName = "Bare";
return Bare_comp_c48a2bf020a7b51b5975b5c1fc3078fd_34a5b847;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_34a5b847;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847 = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_34a5b847;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847 = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847 = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_34a5b847;
})();

export const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Home")
    )
});
Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847.displayName = "Bare";
return Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_34a5b847;
})();

export const Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card")
    )
});
Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847.displayName = "Bare";
return Bare_comp_c81839c1da5da9830202f435139fd3a2_34a5b847;
})();

export const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("History")
    )
});
Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847.displayName = "Bare";
return Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_34a5b847;
})();

export const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Look-ups")
    )
});
Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847.displayName = "Bare";
return Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_34a5b847;
})();

export const Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Profile")
    )
});
Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847.displayName = "Bare";
return Bare_comp_2ac9660884b2210868fcbd9599287c23_34a5b847;
})();

export const Nav_nav_786403967867f586857bf3561239637b_34a5b847 = /*#__PURE__*/ (() => {
const Nav_nav_786403967867f586857bf3561239637b_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Main"), className:"bottomnav" }))},children)
    )
});
Nav_nav_786403967867f586857bf3561239637b_34a5b847.displayName = "Nav";
return Nav_nav_786403967867f586857bf3561239637b_34a5b847;
})();

export const Doctitle_doctitle_9b43d7fa15be733b301a14db3cd6fd46_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_9b43d7fa15be733b301a14db3cd6fd46_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Participation history") }))},)
    )
});
Doctitle_doctitle_9b43d7fa15be733b301a14db3cd6fd46_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_9b43d7fa15be733b301a14db3cd6fd46_34a5b847;
})();

export const Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Participation history")
    )
});
Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_34a5b847.displayName = "Bare";
return Bare_comp_d8f880aefcb7ff973e88f08ca8f79c60_34a5b847;
})();

export const Doctitle_doctitle_6c841955b8b14c666db29a9bab85fa40_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_6c841955b8b14c666db29a9bab85fa40_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Benefits") }))},)
    )
});
Doctitle_doctitle_6c841955b8b14c666db29a9bab85fa40_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_6c841955b8b14c666db29a9bab85fa40_34a5b847;
})();

export const Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Benefits")
    )
});
Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_34a5b847.displayName = "Bare";
return Bare_comp_2bf3d272dab215b06e984b2c9b8e6a3a_34a5b847;
})();

export const Doctitle_doctitle_ae4b12ee0a853a2aa76d10eed146a840_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_ae4b12ee0a853a2aa76d10eed146a840_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Medical history") }))},)
    )
});
Doctitle_doctitle_ae4b12ee0a853a2aa76d10eed146a840_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_ae4b12ee0a853a2aa76d10eed146a840_34a5b847;
})();

export const Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Medical history")
    )
});
Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_34a5b847.displayName = "Bare";
return Bare_comp_763b6f2f6a9f5c01a1788d234381ec65_34a5b847;
})();

export const Doctitle_doctitle_8e77f157172f4b7bb4aa149cbc46e1f3_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_8e77f157172f4b7bb4aa149cbc46e1f3_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Notices") }))},)
    )
});
Doctitle_doctitle_8e77f157172f4b7bb4aa149cbc46e1f3_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_8e77f157172f4b7bb4aa149cbc46e1f3_34a5b847;
})();

export const Bare_comp_f3443fa58da645f10fcfea62de20e760_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_f3443fa58da645f10fcfea62de20e760_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Notices")
    )
});
Bare_comp_f3443fa58da645f10fcfea62de20e760_34a5b847.displayName = "Bare";
return Bare_comp_f3443fa58da645f10fcfea62de20e760_34a5b847;
})();

export const Doctitle_doctitle_74551fdbfc997a425fa1637849920f69_34a5b847 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_74551fdbfc997a425fa1637849920f69_34a5b847 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Service requests") }))},)
    )
});
Doctitle_doctitle_74551fdbfc997a425fa1637849920f69_34a5b847.displayName = "DocTitle";
return Doctitle_doctitle_74551fdbfc997a425fa1637849920f69_34a5b847;
})();

export const Bare_comp_6fae75016c746c67085143007ab19f2d_34a5b847 = /*#__PURE__*/ (() => {
const Bare_comp_6fae75016c746c67085143007ab19f2d_34a5b847 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Service requests")
    )
});
Bare_comp_6fae75016c746c67085143007ab19f2d_34a5b847.displayName = "Bare";
return Bare_comp_6fae75016c746c67085143007ab19f2d_34a5b847;
})();
